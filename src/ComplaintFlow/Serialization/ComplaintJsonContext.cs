using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Storage;

namespace ComplaintFlow.Serialization;

/// <summary>
/// Source-generated JSON for everything ComplaintFlow stores, so durable stores need no reflection. Type discriminators
/// may come anywhere in an object, because PostgreSQL's jsonb reorders keys.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ComplaintCase))]
[JsonSerializable(typeof(ComplaintEvent))]
[JsonSerializable(typeof(ComplaintCommand))]
[JsonSerializable(typeof(OpenComplaint))]
[JsonSerializable(typeof(IdempotencyRecord))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(Actor))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;
