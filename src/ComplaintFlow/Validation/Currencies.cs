using System.Collections.Frozen;
using System.Globalization;

namespace ComplaintFlow.Validation;

/// <summary>
/// The ISO 4217 currency table, read once from the data file shipped inside the assembly (<c>iso4217.csv</c>): every
/// active code and how many decimal places its amounts may have.
/// </summary>
internal static class Currencies
{
    private static readonly FrozenDictionary<string, int?> MinorUnitsByCode = Load();

    public static bool IsKnown(string code) => MinorUnitsByCode.ContainsKey(code);

    /// <summary>The currency's decimal places, or <see langword="null"/> when ISO defines none (gold, testing codes).</summary>
    public static int? MinorUnits(string code) => MinorUnitsByCode[code];

    private static FrozenDictionary<string, int?> Load()
    {
        using var stream = typeof(Currencies).Assembly.GetManifestResourceStream("ComplaintFlow.Validation.iso4217.csv")
            ?? throw new InvalidOperationException("The ISO 4217 table is missing from the ComplaintFlow assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, int?>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code,", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(',', 4);
            table.Add(fields[0], fields[2] == "-" ? null : int.Parse(fields[2], CultureInfo.InvariantCulture));
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
