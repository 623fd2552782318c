namespace ComplaintFlow;

/// <summary>Settings of the built-in escalation policies. Set <c>Enabled = false</c> on one to remove it.</summary>
public sealed class EscalationOptions
{
    /// <summary>A remedy beyond the proposer's authority goes to the lowest tier that can approve it (PR-07, PR-10).</summary>
    public RemedyBeyondAuthorityEscalation RemedyBeyondAuthority { get; } = new();

    /// <summary>Repeated rejections of proposals go to a more senior tier (PR-09).</summary>
    public RepeatedRejectionsEscalation RepeatedRejections { get; } = new();

    /// <summary>A customer's request for a manager is honoured (PR-11).</summary>
    public ManagerRequestedEscalation ManagerRequested { get; } = new();

    /// <summary>Serious, regulated, reputation-risk and vulnerable-customer cases go to the specialist team (PR-19).</summary>
    public SeriousCaseEscalation SeriousCases { get; } = new();

    /// <summary>Customers who complain repeatedly within a window go to a more senior tier (PR-20).</summary>
    public RepeatComplainantEscalation RepeatComplainant { get; } = new();

    /// <summary>Breached clocks go up the line (PR-01, PR-13); the time-and-deadlines guide lists the rules.</summary>
    public ClockBreachEscalation ClockBreaches { get; } = new();

    /// <summary>
    /// Which policy wins when several ask for equally senior targets: policies named here first, in this order; then
    /// the app's own policies, in the order they were registered; then the built-in ones. The most senior target always
    /// wins over this order.
    /// </summary>
    public IList<string> TieBreakOrder { get; } = [];

    internal IEnumerable<string> Validate(ISet<string> tiers)
    {
        foreach (var name in TieBreakOrder.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Key is null || g.Count() > 1))
        {
            yield return name.Key is null ? "Escalation.TieBreakOrder holds a null name." : $"Escalation.TieBreakOrder names '{name.Key}' more than once.";
        }

        (string Name, bool Enabled, string Tier)[] targets =
        [
            ("RepeatedRejections", RepeatedRejections.Enabled, RepeatedRejections.Tier),
            ("ManagerRequested", ManagerRequested.Enabled, ManagerRequested.Tier),
            ("SeriousCases", SeriousCases.Enabled, SeriousCases.Tier),
            ("RepeatComplainant", RepeatComplainant.Enabled, RepeatComplainant.Tier),
            ("ClockBreaches", ClockBreaches.Enabled, ClockBreaches.Tier),
            ("ClockBreaches.Regulatory", ClockBreaches.Enabled, ClockBreaches.RegulatoryTier),
        ];
        foreach (var (name, enabled, tier) in targets.Where(t => t.Enabled && !tiers.Contains(t.Tier)))
        {
            yield return $"Escalation.{name}.Tier is '{tier}', which is not one of the configured tiers.";
        }

        if (!Enum.IsDefined(SeriousCases.MinimumSeverity))
        {
            yield return $"Escalation.SeriousCases.MinimumSeverity is {(int)SeriousCases.MinimumSeverity}, which is not a Severity.";
        }

        if (Validation.FlagBits.Unknown(SeriousCases.Flags) is var unknownFlags and not 0)
        {
            yield return $"Escalation.SeriousCases.Flags holds bits that are no ComplaintFlags ({unknownFlags}).";
        }

        if (ClockBreaches.Clocks.Any(string.IsNullOrWhiteSpace))
        {
            yield return "Escalation.ClockBreaches.Clocks holds an empty clock name.";
        }

        if (RepeatedRejections.Threshold < 1)
        {
            yield return $"Escalation.RepeatedRejections.Threshold is {RepeatedRejections.Threshold}; it must be 1 or more.";
        }

        if (RepeatComplainant.Threshold < 2)
        {
            yield return $"Escalation.RepeatComplainant.Threshold is {RepeatComplainant.Threshold}; it must be 2 or more (this complaint and at least one before it).";
        }

        // At most a century: a longer window reaches back past the first instant a date can hold, and every open failed.
        if (RepeatComplainant.Window <= TimeSpan.Zero || RepeatComplainant.Window > TimeSpan.FromDays(36_600))
        {
            yield return $"Escalation.RepeatComplainant.Window is {RepeatComplainant.Window}; it must be positive and at most 36600.00:00:00 (a hundred years).";
        }
    }
}
