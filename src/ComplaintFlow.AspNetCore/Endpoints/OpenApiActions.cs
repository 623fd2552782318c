using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Request bodies for the OpenAPI document: each action's body is the JSON schema the command factory reads (the same
/// as the available actions' input schemas), converted to the document's schema objects.
/// </summary>
internal static class OpenApiActions
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> RequestBodyOf(ComplaintCommandFactory factory, string action)
    {
        var schema = JsonNode.Parse(factory.GetInputSchema(action).GetRawText());
        return (operation, _, _) => SetBody(operation, schema);
    }

    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> RequestBodyOfOpen()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(WebJson.Options, typeof(OpenComplaint));
        if (schema is JsonObject o)
        {
            foreach (var member in new[] { "actor", "idempotencyKey" })
            {
                (o["properties"] as JsonObject)?.Remove(member);
                if (o["required"] is JsonArray required && required.FirstOrDefault(r => r?.GetValue<string>() == member) is { } item)
                {
                    required.Remove(item);
                }
            }
        }

        return (operation, _, _) => SetBody(operation, schema);
    }

    private static Task SetBody(OpenApiOperation operation, JsonNode? schema)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Convert(schema) } },
        };
        return Task.CompletedTask;
    }

    /// <summary>The subset of JSON schema the input schemas use: types, properties, required, items, enums, descriptions, formats.</summary>
    internal static OpenApiSchema Convert(JsonNode? node)
    {
        var schema = new OpenApiSchema();
        if (node is not JsonObject o)
        {
            return schema;
        }

        JsonSchemaType? type = null;
        foreach (var name in o["type"] switch { JsonArray a => a.Select(t => t?.GetValue<string>()), JsonValue v => [v.GetValue<string>()], _ => [] })
        {
            type = (type ?? 0) | name switch
            {
                "string" => JsonSchemaType.String,
                "integer" => JsonSchemaType.Integer,
                "number" => JsonSchemaType.Number,
                "boolean" => JsonSchemaType.Boolean,
                "array" => JsonSchemaType.Array,
                "object" => JsonSchemaType.Object,
                "null" => JsonSchemaType.Null,
                _ => 0,
            };
        }

        schema.Type = type;
        schema.Description = o["description"]?.GetValue<string>();
        schema.Format = o["format"]?.GetValue<string>();
        if (o["properties"] is JsonObject properties)
        {
            schema.Properties = properties.ToDictionary(p => p.Key, p => (IOpenApiSchema)Convert(p.Value));
        }

        if (o["required"] is JsonArray required)
        {
            schema.Required = new HashSet<string>(required.Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
        }

        if (o["items"] is { } items)
        {
            schema.Items = Convert(items);
        }

        if (o["enum"] is JsonArray values)
        {
            schema.Enum = [.. values.Select(v => v?.DeepClone()).OfType<JsonNode>()];
        }

        return schema;
    }
}
