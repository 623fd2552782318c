namespace ComplaintFlow;

/// <summary>
/// Settings for ComplaintFlow, validated when the app starts (or when the desk is first resolved). Configure them with
/// <c>services.AddComplaintFlow(options => ...)</c>.
/// </summary>
public sealed class ComplaintFlowOptions
{
    /// <summary>
    /// The authority tiers from most junior to most senior, each with its money limits (PR-10). An actor's
    /// <see cref="Actor.Tier"/> must name one of them. Defaults: agent, supervisor, manager, specialist-team.
    /// </summary>
    public IList<AuthorityTier> Tiers { get; } =
    [
        AuthorityTier.WithLimitInMajorCurrencies("agent", 100m),
        AuthorityTier.WithLimitInMajorCurrencies("supervisor", 500m),
        AuthorityTier.WithLimitInMajorCurrencies("manager", 2_500m),
        AuthorityTier.WithLimitInMajorCurrencies("specialist-team", 10_000m),
    ];

    /// <summary>
    /// The most junior tier that may take an action, by action name (see <see cref="Process.ComplaintActions"/> and custom
    /// steps' completion actions). Actions not listed are open to every tier. Defaults: only a supervisor or above may
    /// waive a follow-up (PR-14), hand an escalated case back (PR-11) or issue a final response without agreement (PR-09).
    /// </summary>
    public IDictionary<string, string> MinimumTierByAction { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Process.ComplaintActions.WaiveFollowUp] = "supervisor",
        [Process.ComplaintActions.HandBack] = "supervisor",
        [Process.ComplaintActions.IssueFinalResponse] = "supervisor",
    };

    /// <summary>
    /// Roles that grant actions beside the tiers, for example a <c>quality-review</c> role that may waive a follow-up
    /// without being a supervisor. Roles never add seniority or money authority.
    /// </summary>
    public IList<AuthorityRole> Roles { get; } = [];

    /// <summary>
    /// When true (the default), a case escalated above the junior tier may be worked only by actors at its tier or
    /// above, or in its team; anyone may still add a note, and a step's named performers may still take its actions.
    /// A refusal names the tier needed (PR-11).
    /// </summary>
    public bool ProtectEscalatedCases { get; set; } = true;

    /// <summary>
    /// The language customer-facing texts are chosen in when a case has no <see cref="ComplaintCase.CustomerLanguage"/>.
    /// Default: English (<c>en</c>).
    /// </summary>
    public System.Globalization.CultureInfo DefaultCustomerCulture { get; set; } = System.Globalization.CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The business calendar and the clocks every case carries. Default: <see cref="Time.ClockPresets.Default"/> on a
    /// Monday-to-Friday, 09:00-17:00 UTC calendar; use another preset or adjust this one.
    /// </summary>
    public Time.ClockSettings Clocks { get; set; } = Time.ClockPresets.Default();

    /// <summary>The taxonomies outcomes are recorded against: products and root causes, each with its reporting group.</summary>
    public Outcomes.OutcomeOptions Outcomes { get; } = new();

    /// <summary>
    /// How many unanswered follow-up attempts close a case as "customer unreachable", which counts as a recorded
    /// waiver (PR-14). Default: 3.
    /// </summary>
    public int MaxUnansweredFollowUps { get; set; } = 3;

    /// <summary>The built-in escalation policies' settings (PR-07, PR-09, PR-10, PR-11, PR-19).</summary>
    public EscalationOptions Escalation { get; } = new();

    /// <summary>How long after closing a case may still be reopened. Default: 30 days.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How events reach the app's handlers: after-command delivery, retries, parking and the worker.</summary>
    public Outbox.OutboxOptions Outbox { get; } = new();
}
