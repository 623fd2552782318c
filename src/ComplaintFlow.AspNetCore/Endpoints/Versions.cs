using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>A case's version as an entity tag: <c>"7"</c>, strong, so <c>If-Match</c> can carry it back.</summary>
internal static class Versions
{
    public static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header asks for: null without the header or with <c>*</c>. A weak tag
    /// (<c>W/"3"</c>, as a proxy that compresses may turn the tag into) names the same version. A header that is not
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

        if (Version(text) is { } version)
        {
            expected = version;
            return true;
        }

        problem = $"If-Match must be one entity tag as the ETag header gave it, such as \"3\"; '{text}' is not.";
        return false;
    }

    /// <summary>Whether an <c>If-None-Match</c> header names the current version (any tag of a list, weak or strong, or <c>*</c>).</summary>
    public static bool IfNoneMatchHolds(HttpRequest request, long version)
    {
        var text = string.Join(",", request.Headers.IfNoneMatch.ToArray());
        return text.Trim() == "*" || text.Split(',').Any(tag => Version(tag.Trim()) == version);
    }

    /// <summary>Whether the request made its action conditional on a version (so a conflict is 412, not 409).</summary>
    public static bool IsConditional(HttpRequest request) => TryReadIfMatch(request, out var expected, out _) && expected is not null;

    private static long? Version(string tag)
    {
        var strong = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return strong.Length >= 3 && strong[0] == '"' && strong[^1] == '"'
            && long.TryParse(strong.AsSpan(1, strong.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version : null;
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
