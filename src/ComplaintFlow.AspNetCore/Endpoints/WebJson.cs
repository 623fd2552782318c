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

    /// <summary>The same, refusing members the type does not have: a misspelt member is an error, never dropped.</summary>
    public static readonly JsonSerializerOptions Strict = CreateStrict();

    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly();
        return options;
    }

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
