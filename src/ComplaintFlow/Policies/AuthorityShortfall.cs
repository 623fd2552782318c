namespace ComplaintFlow.Policies;

/// <summary>A proposal commits more money than the proposer's tier may (PR-07).</summary>
/// <param name="Total">The amount committed in the currency that exceeds the limit.</param>
/// <param name="ActorTier">The proposer's tier.</param>
/// <param name="Limit">The proposer's limit in that currency; <see langword="null"/> when the tier has none in it.</param>
/// <param name="ApproverTier">The most junior tier that may commit the amount, or <see langword="null"/> when none may.</param>
public sealed record AuthorityShortfall(Money Total, string ActorTier, decimal? Limit, string? ApproverTier)
{
    /// <summary>The shortfall in words, for errors and escalation reasons.</summary>
    public string Describe()
    {
        var limit = Limit is { } l ? new Money(l, Total.Currency).ToString() : $"nothing in {Total.Currency}";
        var next = ApproverTier is null ? "no configured tier may commit that much" : $"tier '{ApproverTier}' can approve it";
        return $"the proposal commits {Total}, beyond the '{ActorTier}' limit of {limit}; {next} (PR-07).";
    }
}
