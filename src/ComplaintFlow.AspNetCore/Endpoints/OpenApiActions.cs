using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Request bodies for the OpenAPI document: each action's body is the JSON schema the command factory reads (the
/// available actions' input schemas are this, less the values a desk's rules always refuse), converted to the document's
/// schema objects.
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

    /// <summary>
    /// An admin endpoint: a POST still declares an empty JSON body (every POST must, see docs/web.md), and it may be
    /// refused with the listed problems, 403 <c>admin-not-configured</c> among them.
    /// </summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Admin(bool post)
    {
        var statuses = post ? new[] { "401", "403", "404", "415", "503" } : ["401", "403", "503"];
        return async (operation, _, _) =>
        {
            if (post)
            {
                await SetBody(operation, new JsonObject { ["type"] = "object" }).ConfigureAwait(false);
            }

            operation.Responses ??= [];
            foreach (var (status, description) in Problems.Where(p => statuses.Contains(p.Status)))
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = status == "403" ? "The user does not meet the admin policy, or the app named none (admin-not-configured)." : description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema } },
                };
            }
        };
    }

    /// <summary>
    /// The answers of an endpoint that returns a case: the case's schema for success, and problem details for every
    /// status docs/web.md lists.
    /// </summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> CaseResponses(int success, params string[] problemStatuses)
    {
        var schema = Convert(JsonSchemaExporter.GetJsonSchemaAsNode(WebJson.Options, typeof(ComplaintCase)));
        return (operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses[success.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = success == 201 ? "The complaint, opened; Location and ETag (its version) are set." : "The complaint; ETag is its version.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
            if (success == 200 && problemStatuses.Length == 0)
            {
                operation.Responses["304"] = new OpenApiResponse { Description = "If-None-Match names the current version." };
            }

            foreach (var (status, description) in Problems.Where(p => problemStatuses.Length == 0 ? p.Status is "400" or "401" or "404" or "503" : problemStatuses.Contains(p.Status)))
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema } },
                };
            }

            return Task.CompletedTask;
        };
    }

    private static readonly (string Status, string Description)[] Problems =
    [
        ("400", "The request is not valid: problem details naming the field."),
        ("401", "Nobody is signed in."),
        ("403", "The actor lacks the authority."),
        ("404", "No such complaint."),
        ("409", "The action is not permitted in the case's step, or another change landed first."),
        ("412", "If-Match no longer matches the case's version."),
        ("415", "The body is not application/json."),
        ("422", "The idempotency key was used for another request, or the remedy cannot be done."),
        ("503", "The store is unavailable for now; Retry-After says when to try again."),
    ];

    private static readonly OpenApiSchema ProblemSchema = new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; type is a stable urn:complaintflow:problem:* name, with the members of docs/web.md.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    private static Task SetBody(OpenApiOperation operation, JsonNode? schema)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Convert(schema) } },
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The subset of JSON schema the input schemas use: types, properties, required, items, enums, descriptions,
    /// formats, and references within the schema (<c>#/...</c>), which the exporter writes for a type used twice.
    /// </summary>
    internal static OpenApiSchema Convert(JsonNode? node) => Convert(node, node, depth: 0);

    private static OpenApiSchema Convert(JsonNode? node, JsonNode? root, int depth)
    {
        var schema = new OpenApiSchema();
        if (node is not JsonObject o || depth > 32)
        {
            return schema;
        }

        if (o["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', ..] pointer)
        {
            var target = root;
            foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target is JsonObject container ? container[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                    : target is JsonArray array && int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count ? array[index]
                    : null;
            }

            return Convert(target, root, depth + 1);
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
            schema.Properties = properties.ToDictionary(p => p.Key, p => (IOpenApiSchema)Convert(p.Value, root, depth + 1));
        }

        if (o["required"] is JsonArray required)
        {
            schema.Required = new HashSet<string>(required.Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
        }

        if (o["items"] is { } items)
        {
            schema.Items = Convert(items, root, depth + 1);
        }

        if (o["enum"] is JsonArray values)
        {
            schema.Enum = [.. values.Select(v => v?.DeepClone()).OfType<JsonNode>()];
        }

        return schema;
    }
}
