using System.Globalization;

namespace ComplaintFlow.Reports.Export;

/// <summary>
/// Writes RFC 4180 CSV: CRLF line ends, and a field quoted (its quotes doubled) only when it holds a comma, a quote, a
/// CR or an LF. Numbers and dates are written in the invariant culture, so a file reads the same on every machine.
/// </summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    private bool _firstField = true;

    public CsvWriter Field(string? value)
    {
        if (!_firstField)
        {
            writer.Write(',');
        }

        _firstField = false;
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        // Text a spreadsheet would run as a formula (a category "=HYPERLINK(...)") is written with a leading apostrophe,
        // which spreadsheets read as "this is text"; numbers, negative ones too, are written as they are.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return this;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public CsvWriter Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    public CsvWriter Field(long? value) => Field(value?.ToString(CultureInfo.InvariantCulture));

    public CsvWriter Field(decimal? value) => Field(value?.ToString(CultureInfo.InvariantCulture));

    // The shortest text that reads back as the same double.
    public CsvWriter Field(double? value) => Field(value?.ToString("R", CultureInfo.InvariantCulture));

    public CsvWriter Field(DateOnly? value) => Field(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public CsvWriter Fields(params ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            Field(value);
        }

        return this;
    }

    public void EndRow()
    {
        writer.Write("\r\n");
        _firstField = true;
    }
}
