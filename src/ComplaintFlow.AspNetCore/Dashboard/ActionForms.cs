using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// An action's input schema as form fields, and a posted form back as the JSON body the command factory reads: text
/// and numbers as inputs, enums and yes/no as selects, objects and lists as JSON in a text area (an actor is filled in
/// with the signed-in user).
/// </summary>
internal static class ActionForms
{
    public static void WriteFields(HtmlWriter html, string formId, JsonElement schema, Actor actor)
    {
        var required = Required(schema);
        foreach (var (name, property) in Properties(schema))
        {
            var id = $"{formId}-{name}";
            var kind = Kind(property);
            html.Raw($"<label for=\"{id}\">").Text(Label(name)).Raw(required.Contains(name) ? " <span aria-hidden=\"true\">*</span>" : string.Empty).Raw("</label>");
            var requiredAttribute = required.Contains(name) ? " required aria-required=\"true\"" : string.Empty;
            switch (kind)
            {
                case FieldKind.Choice:
                    html.Raw($"<select id=\"{id}\" name=\"{HtmlWriter.Encode(name)}\"{requiredAttribute}>");
                    html.Raw(required.Contains(name) ? string.Empty : "<option value=\"\">(none)</option>");
                    foreach (var value in Choices(property))
                    {
                        html.Raw("<option>").Text(value).Raw("</option>");
                    }

                    html.Raw("</select>");
                    break;
                case FieldKind.Json:
                    var prefill = IsActor(property) ? JsonSerializer.Serialize(actor, WebJson.Options) : string.Empty;
                    html.Raw($"<textarea id=\"{id}\" name=\"{HtmlWriter.Encode(name)}\" aria-describedby=\"{id}-hint\"{requiredAttribute}>").Text(prefill).Raw("</textarea>");
                    html.Raw($"<div class=\"hint\" id=\"{id}-hint\">JSON, as the action's schema describes it</div>");
                    break;
                default:
                    var type = kind is FieldKind.Integer or FieldKind.Number ? "number" : "text";
                    var step = kind == FieldKind.Number ? " step=\"any\"" : string.Empty;
                    html.Raw($"<input type=\"{type}\"{step} id=\"{id}\" name=\"{HtmlWriter.Encode(name)}\"{requiredAttribute}>");
                    break;
            }
        }
    }

    /// <summary>The posted form as the action's body; a value that cannot be read is refused naming the field.</summary>
    public static JsonObject Read(IFormCollection form, JsonElement schema)
    {
        var body = new JsonObject();
        foreach (var (name, property) in Properties(schema))
        {
            var text = form[name].ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            body[name] = Kind(property) switch
            {
                FieldKind.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
                    : throw new ComplaintValidationException(name, $"'{text}' is not a whole number."),
                FieldKind.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number
                    : throw new ComplaintValidationException(name, $"'{text}' is not a number."),
                FieldKind.Choice when IsBoolean(property) => text == "true",
                FieldKind.Json => ParseJson(name, text),
                _ => text,
            };
        }

        return body;
    }

    private static JsonNode? ParseJson(string name, string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            throw new ComplaintValidationException(name, $"is not JSON: {exception.Message}");
        }
    }

    private enum FieldKind
    {
        Text,
        Integer,
        Number,
        Choice,
        Json,
    }

    // "action" names the command for the history and is the form's own, so it is not asked for.
    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Where(p => p.Name != "action").Select(p => (p.Name, p.Value))
            : [];

    private static HashSet<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? [.. required.EnumerateArray().Select(r => r.GetString()).OfType<string>()]
            : [];

    private static HashSet<string> Types(JsonElement property) =>
        property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
        : [type.GetString() ?? string.Empty];

    private static bool IsBoolean(JsonElement property) => Types(property).Contains("boolean");

    private static bool IsActor(JsonElement property) =>
        property.ValueKind == JsonValueKind.Object && property.TryGetProperty("properties", out var p) && p.TryGetProperty("displayName", out _);

    private static FieldKind Kind(JsonElement property)
    {
        if (property.ValueKind == JsonValueKind.Object && property.TryGetProperty("enum", out _))
        {
            return FieldKind.Choice;
        }

        var types = Types(property);
        return types.Contains("object") || types.Contains("array") || types.Count == 0 ? FieldKind.Json
            : types.Contains("boolean") ? FieldKind.Choice
            : types.Contains("integer") ? FieldKind.Integer
            : types.Contains("number") ? FieldKind.Number
            : FieldKind.Text;
    }

    private static IEnumerable<string> Choices(JsonElement property) =>
        IsBoolean(property) ? ["true", "false"]
        : property.TryGetProperty("enum", out var values) ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
        : [];

    // "proposalNumber" -> "Proposal number".
    private static string Label(string name)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }
}
