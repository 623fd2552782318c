namespace ComplaintFlow;

/// <summary>One level of authority: its name and how much money it may commit per currency (PR-07, PR-10).</summary>
public sealed class AuthorityTier
{
    /// <summary>The currencies the default tiers set limits in.</summary>
    public static IReadOnlyList<string> MajorCurrencies { get; } = ["GBP", "EUR", "USD", "AUD", "CAD", "NZD", "CHF"];

    /// <summary>The tier's name, as used in <see cref="Actor.Tier"/>, for example <c>supervisor</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The most money one proposal made by this tier may commit, per ISO 4217 currency. A currency without an entry
    /// cannot be committed by this tier at all.
    /// </summary>
    public IDictionary<string, decimal> MoneyLimits { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Creates a tier with the same limit in each of <see cref="MajorCurrencies"/>.</summary>
    public static AuthorityTier WithLimitInMajorCurrencies(string name, decimal limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tier = new AuthorityTier { Name = name };
        foreach (var currency in MajorCurrencies)
        {
            tier.MoneyLimits[currency] = limit;
        }

        return tier;
    }
}
