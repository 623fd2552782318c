using System.Collections.Frozen;
using System.Globalization;

namespace ComplaintFlow.Policies;

/// <summary>
/// The tiers and money limits from <see cref="ComplaintFlowOptions"/>, indexed once for fast checks on every command
/// (PR-07, PR-10, PR-14).
/// </summary>
internal sealed class AuthorityRules
{
    private readonly FrozenDictionary<string, int> _rank;
    private readonly FrozenDictionary<string, FrozenDictionary<string, decimal>> _limits;
    private readonly string[] _order;

    public AuthorityRules(ComplaintFlowOptions options)
    {
        _order = [.. options.Tiers.Select(t => t.Name)];
        _rank = _order.Select((name, i) => (name, i)).ToFrozenDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _limits = options.Tiers.ToFrozenDictionary(t => t.Name, t => t.MoneyLimits.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        WaiveFollowUpMinimumTier = options.WaiveFollowUpMinimumTier;
        ReopenWindow = options.ReopenWindow;
    }

    public string WaiveFollowUpMinimumTier { get; }

    /// <summary>The most junior tier, where new cases start.</summary>
    public string JuniorTier => _order[0];

    public TimeSpan ReopenWindow { get; }

    /// <summary>The tier's position, 0 for the most junior.</summary>
    public int RankOf(Actor actor, string action)
    {
        return _rank.TryGetValue(actor.Tier, out var rank)
            ? rank
            : throw new ComplaintAuthorizationException(actor.Id, action, $"tier '{actor.Tier}' is not one of the configured tiers ({string.Join(", ", _order)}).");
    }

    public int RankOf(string tier) => _rank[tier];

    public void RequireTierAtLeast(Actor actor, string action, string minimumTier)
    {
        if (RankOf(actor, action) < _rank[minimumTier])
        {
            throw new ComplaintAuthorizationException(actor.Id, action, $"this needs tier '{minimumTier}' or above, and '{actor.Id}' acts as '{actor.Tier}'.");
        }
    }

    /// <summary>Refuses money commitments beyond the actor's limit, naming the lowest tier that could approve them.</summary>
    public void RequireMoneyAuthority(Actor actor, string action, ReadOnlySpan<Money> amounts)
    {
        RankOf(actor, action);
        var limits = _limits[actor.Tier];

        // Totals per currency; proposals rarely mix currencies, so a nested scan beats grouping.
        for (var i = 0; i < amounts.Length; i++)
        {
            var currency = amounts[i].Currency;
            if (IndexOfCurrency(amounts, currency) < i)
            {
                continue;
            }

            var sum = 0m;
            for (var j = i; j < amounts.Length; j++)
            {
                sum += amounts[j].Currency == currency ? amounts[j].Amount : 0m;
            }

            if (!limits.TryGetValue(currency, out var limit) || sum > limit)
            {
                var total = new Money(sum, currency);
                var limitText = limits.ContainsKey(currency) ? new Money(limit, currency).ToString() : $"nothing in {currency}";
                var approver = LowestTierAllowing(total);
                var next = approver is null ? "no configured tier may commit that much" : $"tier '{approver}' can approve it";
                throw new ComplaintAuthorizationException(actor.Id, action, string.Create(CultureInfo.InvariantCulture, $"the proposal commits {total}, beyond the '{actor.Tier}' limit of {limitText}; {next} (PR-07)."));
            }
        }
    }

    private static int IndexOfCurrency(ReadOnlySpan<Money> amounts, string currency)
    {
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i].Currency == currency)
            {
                return i;
            }
        }

        return -1;
    }

    public string? LowestTierAllowing(Money total) =>
        _order.FirstOrDefault(t => _limits[t].TryGetValue(total.Currency, out var limit) && total.Amount <= limit);
}
