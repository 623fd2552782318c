using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ComplaintFlow.Serialization;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The JSON of the web edge: ComplaintFlow's own contract (<see cref="ComplaintFlowJson.Options"/>: camelCase, enums
/// as names, commands and events with their discriminators) for its types, and the same conventions for the few
/// shapes only the web edge has.
/// </summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ComplaintFlowJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ComplaintFlowJson.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
