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
        var kept = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length && kept.Length < MaxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else
            {
                kept.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return kept.Length < text.Length ? kept.Append('…').ToString() : kept.ToString();
    }
}
