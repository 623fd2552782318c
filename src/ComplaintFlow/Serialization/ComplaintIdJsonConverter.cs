using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintFlow.Serialization;

/// <summary>Writes a <see cref="ComplaintId"/> as its GUID string.</summary>
internal sealed class ComplaintIdJsonConverter : JsonConverter<ComplaintId>
{
    public override ComplaintId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetGuid(out var guid) ? new ComplaintId(guid) : throw new JsonException("A complaint id must be a GUID string.");

    public override void Write(Utf8JsonWriter writer, ComplaintId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
