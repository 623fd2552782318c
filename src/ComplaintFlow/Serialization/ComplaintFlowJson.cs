using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ComplaintFlow.Serialization;

/// <summary>
/// ComplaintFlow's public JSON contract, for HTTP layers, queues and logs: camel-case member names, enums as strings,
/// commands told apart by a <c>command</c> member (for example <c>"command": "propose"</c>) and events by a <c>type</c>
/// member (for example <c>"type": "resolution-proposed"</c>), as docs/json-contract.md lists. The type information is
/// source-generated; a custom step's input is written with the step's own (see
/// <see cref="Steps.ComplaintStep{TInput}"/>).
/// </summary>
public static class ComplaintFlowJson
{
    /// <summary>
    /// The type information of every command, event and case, with the contract's naming and enum
    /// rules built in. Add it to an app's options so it writes ComplaintFlow's types by the contract, for example
    /// <c>options.TypeInfoResolverChain.Insert(0, ComplaintFlowJson.TypeInfoResolver)</c>.
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => ComplaintJsonContext.Default;

    /// <summary>Ready-made, read-only options that read and write ComplaintFlow's types by the contract.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The JSON schema of every command (one of, told apart by <c>command</c>), as System.Text.Json's exporter
    /// describes the contract; docs/schema holds a copy that a test keeps equal to this.
    /// </summary>
    public static JsonNode GetCommandSchema() => ComplaintJsonContext.Default.ComplaintCommand.GetJsonSchemaAsNode(SchemaOptions);

    /// <summary>
    /// The JSON schema of an event: its envelope (case, sequence, time, actor, step) and its data, one of every event
    /// type told apart by <c>type</c>; docs/schema holds a copy.
    /// </summary>
    public static JsonNode GetEventSchema() => ComplaintJsonContext.Default.ComplaintEvent.GetJsonSchemaAsNode(SchemaOptions);

    /// <summary>How schemas are exported everywhere (here, and the input schemas of available actions): a case id is a UUID string.</summary>
    internal static JsonSchemaExporterOptions SchemaOptions { get; } = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
            (Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type) == typeof(ComplaintId)
                ? new JsonObject { ["type"] = context.TypeInfo.Type == typeof(ComplaintId) ? "string" : new JsonArray("string", "null"), ["format"] = "uuid" }
                : schema,
    };

    /// <summary>Options for an app's own types (a custom step's input, by default): the contract's naming and enum rules, by reflection.</summary>
    internal static JsonSerializerOptions ReflectionOptions { get; } = CreateReflectionOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        // A member given twice is refused, not read as whichever came last.
        var options = new JsonSerializerOptions(ComplaintJsonContext.Default.Options) { TypeInfoResolver = ComplaintJsonContext.Default, AllowDuplicateProperties = false };
        options.MakeReadOnly();
        return options;
    }

    private static JsonSerializerOptions CreateReflectionOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), AllowDuplicateProperties = false };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
