using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>A case's version as an entity tag: <c>"7"</c>, strong, so <c>If-Match</c> can carry it back.</summary>
internal static class Versions
{
    public static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header asks for: null without the header or with <c>*</c>; a header that is not
    /// one entity tag holding a version is refused, never ignored.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expected, out string? problem)
    {
        expected = null;
        problem = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return true;
        }

        var text = string.Join(",", values.ToArray()).Trim();
        if (text == "*")
        {
            return true;
        }

        if (text.Length >= 3 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            expected = version;
            return true;
        }

        problem = $"If-Match must be one entity tag as the ETag header gave it, such as \"3\"; '{text}' is not.";
        return false;
    }

    /// <summary>The <c>Idempotency-Key</c> header, or null; a repeated header is refused.</summary>
    public static bool TryReadIdempotencyKey(HttpRequest request, out string? key, out string? problem)
    {
        key = null;
        problem = null;
        var values = request.Headers["Idempotency-Key"];
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            problem = "Idempotency-Key must be given once, with a value.";
            return false;
        }

        key = values[0];
        return true;
    }
}
