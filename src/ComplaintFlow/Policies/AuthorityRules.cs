using System.Collections.Frozen;

namespace ComplaintFlow.Policies;

/// <summary>
/// The tiers, money limits and per-action minimum tiers from <see cref="ComplaintFlowOptions"/>, indexed once for
/// fast checks on every command (PR-07, PR-10, PR-14).
/// </summary>
internal sealed class AuthorityRules
{
    private readonly FrozenDictionary<string, int> _rank;
    private readonly FrozenDictionary<string, FrozenDictionary<string, decimal>> _limits;
    private readonly FrozenDictionary<string, string> _minimumTier;

    public AuthorityRules(ComplaintFlowOptions options)
    {
        TierNames = [.. options.Tiers.Select(t => t.Name)];
        _rank = TierNames.Select((name, i) => (name, i)).ToFrozenDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _limits = options.Tiers.ToFrozenDictionary(t => t.Name, t => t.MoneyLimits.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        _minimumTier = options.MinimumTierByAction.ToFrozenDictionary(StringComparer.Ordinal);
        ReopenWindow = options.ReopenWindow;
    }

    /// <summary>The tiers from most junior to most senior.</summary>
    public IReadOnlyList<string> TierNames { get; }

    /// <summary>The most junior tier, where new cases start.</summary>
    public string JuniorTier => TierNames[0];

    public TimeSpan ReopenWindow { get; }

    /// <summary>The actor's tier position, 0 for the most junior; refuses an unknown tier.</summary>
    public int RankOf(Actor actor, string action) =>
        _rank.TryGetValue(actor.Tier, out var rank)
            ? rank
            : throw new ComplaintAuthorizationException(actor.Id, action, $"tier '{actor.Tier}' is not one of the configured tiers ({string.Join(", ", TierNames)}).");

    /// <summary>The position of a tier known to be configured.</summary>
    public int RankOf(string tier) => _rank[tier];

    public int? TryRankOf(string tier) => _rank.TryGetValue(tier, out var rank) ? rank : null;

    /// <summary>Whether a tier at this rank may take the action under <see cref="ComplaintFlowOptions.MinimumTierByAction"/>.</summary>
    public bool MayTake(int rank, string action) => !_minimumTier.TryGetValue(action, out var minimum) || rank >= _rank[minimum];

    /// <summary>Refuses an unknown tier, or one below the action's minimum.</summary>
    public void RequireActionAllowed(Actor actor, string action)
    {
        var rank = RankOf(actor, action);
        if (!MayTake(rank, action))
        {
            throw new ComplaintAuthorizationException(actor.Id, action, $"this needs tier '{_minimumTier[action]}' or above, and '{actor.Id}' acts as '{actor.Tier}'.");
        }
    }

    /// <summary>The first currency in which the amounts exceed the actor's limit, or <see langword="null"/> when within it.</summary>
    public AuthorityShortfall? FindShortfall(Actor actor, ReadOnlySpan<Money> amounts)
    {
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

            var hasLimit = limits.TryGetValue(currency, out var limit);
            if (!hasLimit || sum > limit)
            {
                var total = new Money(sum, currency);
                return new AuthorityShortfall(total, actor.Tier, hasLimit ? limit : null, LowestTierAllowing(total));
            }
        }

        return null;
    }

    public string? LowestTierAllowing(Money total) =>
        TierNames.FirstOrDefault(t => _limits[t].TryGetValue(total.Currency, out var limit) && total.Amount <= limit);

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
}
