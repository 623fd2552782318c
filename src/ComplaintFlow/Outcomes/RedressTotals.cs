using System.Collections.Immutable;

namespace ComplaintFlow.Outcomes;

/// <summary>Totals of a redress ledger per currency, in the order currencies first appear.</summary>
internal static class RedressTotals
{
    public static ImmutableArray<Money> Of(ImmutableArray<RedressEntry> entries, bool goodwill)
    {
        if (entries.IsDefaultOrEmpty)
        {
            return [];
        }

        var totals = new List<Money>();
        foreach (var entry in entries)
        {
            if (entry.Amount is not { } amount || (entry.Kind == RedressKind.Goodwill) != goodwill)
            {
                continue;
            }

            var at = totals.FindIndex(t => t.Currency == amount.Currency);
            if (at < 0)
            {
                totals.Add(amount);
            }
            else
            {
                totals[at] = new Money(totals[at].Amount + amount.Amount, amount.Currency);
            }
        }

        return [.. totals];
    }

    /// <summary>All money paid in the currency, goodwill included.</summary>
    public static decimal PaidIn(ImmutableArray<RedressEntry> entries, string currency)
    {
        var sum = 0m;
        foreach (var entry in entries.IsDefault ? [] : entries)
        {
            sum += entry.Amount is { } amount && amount.Currency == currency ? amount.Amount : 0m;
        }

        return sum;
    }
}
