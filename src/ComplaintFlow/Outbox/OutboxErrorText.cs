using System.Globalization;
using System.Text;

namespace ComplaintFlow.Outbox;

/// <summary>
/// The text an outbox entry keeps of a handler's failure. It is the handler's own message, so it can hold anything: a
/// NUL (which PostgreSQL refuses in text, and SQLite cuts at), a lone surrogate (which strict UTF-8 refuses), or a whole
/// error page. Any of those must not turn recording the failure into a store error, so they are replaced, and the text cut.
/// </summary>
internal static class OutboxErrorText
{
    /// <summary>Long enough for a message and the start of its detail; an operator reads the rest in the log.</summary>
    public const int MaxLength = 2_000;

    public static string Of(string? handler, Exception exception)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{handler ?? "loading the case"}: {exception.GetType().Name}: {exception.Message}");
        var kept = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var rest = text.AsSpan();
        for (var at = Validation.TextRules.FirstUnstorable(rest); at >= 0 && kept.Length < MaxLength; at = Validation.TextRules.FirstUnstorable(rest))
        {
            kept.Append(rest[..at]).Append('\uFFFD');
            rest = rest[(at + 1)..];
        }

        // Beyond one character past the limit nothing more is kept, so a whole error page is never copied.
        kept.Append(rest[..Math.Min(rest.Length, Math.Max(0, MaxLength + 1 - kept.Length))]);
        if (kept.Length <= MaxLength)
        {
            return kept.ToString();
        }

        // Cut between characters, not inside a surrogate pair, which would leave the lone half refused above.
        var length = char.IsHighSurrogate(kept[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return kept.ToString(0, length) + "…";
    }
}
