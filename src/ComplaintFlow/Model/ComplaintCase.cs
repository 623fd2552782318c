using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ComplaintFlow;

/// <summary>
/// An immutable snapshot of one complaint case at one version. Every command returns a new snapshot;
/// the case's <see cref="Version"/> equals the number of events in its history. Its instants read back in UTC.
/// </summary>
public sealed record ComplaintCase
{
    // Instants are kept as UTC ticks, 8 bytes each instead of 16 (24 when optional): every change builds a snapshot,
    // and the stores keep one per case. They read back in UTC.
    private readonly long _receivedAt;
    private readonly long _openedAt;
    private readonly long _updatedAt;
    private readonly long _acknowledgedAt = CompactTicks.None;
    private readonly long _nextDueAt = CompactTicks.None;
    private readonly long _closedAt = CompactTicks.None;

    /// <summary>The case id.</summary>
    public required ComplaintId Id { get; init; }

    /// <summary>The number of events in the case's history; used for optimistic concurrency.</summary>
    public required long Version { get; init; }

    /// <summary>The version of the process definition the case runs under (see <see cref="Process.ComplaintProcess.Version"/>).</summary>
    public required string ProcessVersion { get; init; }

    /// <summary>The step the case is waiting in, or <c>closed</c> / <c>withdrawn</c> (see <see cref="Process.StepIds"/>).</summary>
    public required string Step { get; init; }

    /// <summary>The app's reference for the customer (never personal data the library needs to read).</summary>
    public required string CustomerRef { get; init; }

    /// <summary>Where the complaint arrived.</summary>
    public required Channel Channel { get; init; }

    /// <summary>A one-line summary of the complaint.</summary>
    public required string Summary { get; init; }

    /// <summary>When the company received the complaint; clocks count from here.</summary>
    public required DateTimeOffset ReceivedAt
    {
        get => CompactTicks.Instant(_receivedAt);
        init => _receivedAt = value.UtcTicks;
    }

    /// <summary>When the case was opened in ComplaintFlow.</summary>
    public required DateTimeOffset OpenedAt
    {
        get => CompactTicks.Instant(_openedAt);
        init => _openedAt = value.UtcTicks;
    }

    /// <summary>When the case last changed.</summary>
    public required DateTimeOffset UpdatedAt
    {
        get => CompactTicks.Instant(_updatedAt);
        init => _updatedAt = value.UtcTicks;
    }

    /// <summary>Who opened the case.</summary>
    public required Actor OpenedBy { get; init; }

    /// <summary>True when the company opened the case itself to warn the customer of a disappointment (PR-15).</summary>
    public bool Proactive { get; init; }

    /// <summary>
    /// The customer's language as an IETF tag (for example <c>fr-FR</c>), when the app knows it; customer-facing texts
    /// such as escalation explanations are chosen in it.
    /// </summary>
    public string? CustomerLanguage { get; init; }

    /// <summary>How serious the complaint is.</summary>
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>Handling flags such as regulatory or vulnerable customer.</summary>
    public ComplaintFlags Flags { get; init; }

    /// <summary>Categories or tags for analysis of recurring causes (PR-20), sorted and unique.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>The accountable owner, named at acknowledgement (PR-04); <see langword="null"/> before that.</summary>
    public Actor? Owner { get; init; }

    /// <summary>The authority tier currently handling the case.</summary>
    public string Tier { get; init; } = "agent";

    /// <summary>The team currently handling the case, if any.</summary>
    public string? Team { get; init; }

    /// <summary>The causes of every escalation applied to the case, so the same cause never escalates twice (PR-11).</summary>
    public ImmutableArray<string> EscalationCauses { get; init; } = [];

    /// <summary>When the complaint was acknowledged (PR-01).</summary>
    public DateTimeOffset? AcknowledgedAt
    {
        get => CompactTicks.OptionalInstant(_acknowledgedAt);
        init => _acknowledgedAt = CompactTicks.Of(value);
    }

    /// <summary>True when the acknowledgement recorded thanks and an apology (PR-04).</summary>
    public bool ThankedAndApologised { get; init; }

    /// <summary>The customer's own account (PR-02).</summary>
    public ImmutableArray<CustomerStatement> Statements { get; init; } = [];

    /// <summary>Clarifying questions and answers (PR-03).</summary>
    public ImmutableArray<Clarification> Clarifications { get; init; } = [];

    /// <summary>The agent's latest restatement and the customer's response (PR-05).</summary>
    public Paraphrase? Paraphrase { get; init; }

    /// <summary>What the customer wants (PR-06).</summary>
    public DesiredOutcome? DesiredOutcome { get; init; }

    /// <summary>Every proposal made, oldest first.</summary>
    public ImmutableArray<Proposal> Proposals { get; init; } = [];

    /// <summary>Every decision the customer made on a proposal, oldest first.</summary>
    public ImmutableArray<CustomerDecision> Decisions { get; init; } = [];

    /// <summary>The fulfilment of the accepted proposal (PR-12); <see langword="null"/> until recorded.</summary>
    public Fulfilment? Fulfilment { get; init; }

    /// <summary>Follow-ups with the customer, oldest first (PR-14).</summary>
    public ImmutableArray<FollowUp> FollowUps { get; init; } = [];

    /// <summary>The waiver that let the case close without a follow-up, if any (PR-14).</summary>
    public FollowUpWaiver? FollowUpWaiver { get; init; }

    /// <summary>Internal notes.</summary>
    public ImmutableArray<CaseNote> Notes { get; init; } = [];

    /// <summary>Progress updates sent to the customer (PR-13).</summary>
    public ImmutableArray<CustomerUpdate> CustomerUpdates { get; init; } = [];

    /// <summary>What custom steps recorded, oldest first, each with its typed input as JSON.</summary>
    public ImmutableArray<StepRecord> StepRecords { get; init; } = [];

    /// <summary>The case's service-level and regulatory clocks (PR-01, PR-12, PR-13, PR-14).</summary>
    public ImmutableArray<CaseClock> Clocks { get; init; } = [];

    /// <summary>The next instant at which a clock's warning or breach falls due (a breach one tick after its deadline, see <see cref="CaseClock.NextDueAt"/>); what the deadline worker claims by.</summary>
    public DateTimeOffset? NextDueAt
    {
        get => CompactTicks.OptionalInstant(_nextDueAt);
        init => _nextDueAt = CompactTicks.Of(value);
    }

    /// <summary>How many follow-up attempts in a row went unanswered since the case was last fulfilled (PR-14).</summary>
    public int UnansweredFollowUps { get; init; }

    /// <summary>When the case closed or was withdrawn; <see langword="null"/> while open.</summary>
    public DateTimeOffset? ClosedAt
    {
        get => CompactTicks.OptionalInstant(_closedAt);
        init => _closedAt = CompactTicks.Of(value);
    }

    /// <summary>How many times the case was reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>The decision on the complaint, with reasons, product and root cause; <see langword="null"/> until decided (PR-09, PR-17).</summary>
    public Outcomes.CaseOutcome? Outcome { get; init; }

    /// <summary>What was actually paid or done for the customer, in the order recorded (PR-17).</summary>
    public ImmutableArray<Outcomes.RedressEntry> Redress { get; init; } = [];

    /// <summary>Why less was paid than agreed, when it was; recorded with a redress entry.</summary>
    public string? RedressShortfallReason { get; init; }

    /// <summary>What was sent to the customer and when, every round.</summary>
    public ImmutableArray<Outcomes.CustomerCommunication> Communications { get; init; } = [];

    /// <summary>True while the case is in one of the process's steps (not closed or withdrawn).</summary>
    [JsonIgnore]
    public bool IsOpen => ClosedAt is null;

    /// <summary>The most recent proposal, or <see langword="null"/> when none was made.</summary>
    [JsonIgnore]
    public Proposal? LatestProposal => Proposals.IsDefaultOrEmpty ? null : Proposals[^1];

    /// <summary>The accepted proposal the case is working towards, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public Proposal? AcceptedProposal => LatestProposal is { Status: ProposalStatus.Accepted } p ? p : null;

    /// <summary>
    /// What the case carries out: the accepted proposal, or the offer of a final response made without agreement;
    /// <see langword="null"/> when there is neither.
    /// </summary>
    [JsonIgnore]
    public Proposal? AgreedOrOffered => LatestProposal is { Status: ProposalStatus.Accepted or ProposalStatus.OfferedInFinalResponse } p ? p : null;

    /// <summary>Redress paid, per currency, goodwill left out (PR-17).</summary>
    [JsonIgnore]
    public ImmutableArray<Money> RedressPaid => Outcomes.RedressTotals.Of(Redress, goodwill: false);

    /// <summary>Goodwill paid, per currency, apart from the redress for the complaint.</summary>
    [JsonIgnore]
    public ImmutableArray<Money> GoodwillPaid => Outcomes.RedressTotals.Of(Redress, goodwill: true);

    /// <summary>The communications sent in the current round (since the last reopening).</summary>
    [JsonIgnore]
    public IEnumerable<Outcomes.CustomerCommunication> CommunicationsThisRound => Communications.Where(c => c.Round == ReopenCount);

    /// <summary>True when the agreed remedy has been carried out.</summary>
    [JsonIgnore]
    public bool IsResolved => Fulfilment is not null;
}
