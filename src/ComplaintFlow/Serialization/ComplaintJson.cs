using System.Text.Json;
using ComplaintFlow.Events;

namespace ComplaintFlow.Serialization;

/// <summary>
/// The JSON form of cases and events that durable stores write. Stable, camel-case, enums as strings, and
/// source-generated (no reflection, trimming-safe).
/// </summary>
public static class ComplaintJson
{
    /// <summary>Serialises a case snapshot to UTF-8 JSON.</summary>
    public static byte[] SerializeCase(ComplaintCase complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return JsonSerializer.SerializeToUtf8Bytes(complaint, ComplaintJsonContext.Default.ComplaintCase);
    }

    /// <summary>Reads a case snapshot written by <see cref="SerializeCase"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a case snapshot.</exception>
    public static ComplaintCase DeserializeCase(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ComplaintJsonContext.Default.ComplaintCase)
        ?? throw new JsonException("The JSON holds null, not a complaint case.");

    /// <summary>Serialises an event to UTF-8 JSON.</summary>
    public static byte[] SerializeEvent(ComplaintEvent complaintEvent)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        return JsonSerializer.SerializeToUtf8Bytes(complaintEvent, ComplaintJsonContext.Default.ComplaintEvent);
    }

    /// <summary>Reads an event written by <see cref="SerializeEvent"/>.</summary>
    /// <exception cref="JsonException">The JSON is not an event.</exception>
    public static ComplaintEvent DeserializeEvent(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ComplaintJsonContext.Default.ComplaintEvent)
        ?? throw new JsonException("The JSON holds null, not a complaint event.");
}
