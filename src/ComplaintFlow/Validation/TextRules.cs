using System.Buffers;
using System.Globalization;
using System.Text;

namespace ComplaintFlow.Validation;

/// <summary>
/// What counts as text: at least one visible character; no control characters but tab, carriage return and line feed;
/// and valid UTF-16 (no lone surrogates, which PostgreSQL's jsonb and most sinks refuse). Each failure names the field
/// and the position, counted in UTF-16 code units from 0.
/// </summary>
internal static class TextRules
{
    // Searched through SearchValues: the generic range search boxed its bounds (96 bytes a call) until the JIT
    // optimised the caller, which in a short-lived process or a test is never.
    private static readonly SearchValues<char> PrintableAscii = SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c)]);
    private static readonly SearchValues<char> Space = SearchValues.Create(" ");

    public static void Check(string value, string field, string? member = null)
    {
        // Most text is printable ASCII with a letter in it: that needs no closer look.
        var span = value.AsSpan();
        if (!span.ContainsAnyExcept(PrintableAscii) && span.ContainsAnyExcept(Space))
        {
            return;
        }

        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    throw new ComplaintValidationException(field + member, $"contains a lone surrogate U+{(int)c:X4} at position {i}, which is not valid text; the text was probably cut in the middle of a character.");
                }

                visible |= !IsInvisible(Rune.GetUnicodeCategory(new Rune(c, value[i + 1])), new Rune(c, value[i + 1]).Value);
                i++;
                continue;
            }

            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                throw new ComplaintValidationException(field + member, $"contains the control character U+{(int)c:X4} at position {i}; only tab, carriage return and line feed are allowed.");
            }

            visible |= !IsInvisible(char.GetUnicodeCategory(c), c);
        }

        if (!visible)
        {
            throw new ComplaintValidationException(field + member, "must contain text, not only white space or invisible characters.");
        }
    }

    /// <summary>
    /// The position of the first character no store can keep in text, a NUL (PostgreSQL refuses it) or a lone surrogate
    /// (strict UTF-8 refuses it), or -1: the floor under text the library stores but does not check as <see cref="Check"/> does.
    /// </summary>
    public static int FirstUnstorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>White space, format characters (zero-width spaces, joiners, byte-order marks), lone combining marks and the Hangul and Braille blanks.</summary>
    private static bool IsInvisible(UnicodeCategory category, int codePoint) =>
        category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
        || codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
