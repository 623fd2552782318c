using System.Collections.Immutable;

namespace ComplaintFlow;

/// <summary>
/// The working copy of a case while one change is decided: the command, the clocks and the stamp write here, and the
/// snapshot is built from it once. A test holds its members equal to <see cref="ComplaintCase"/>'s. One draft per
/// thread is reused; it is taken and built between two awaits, never across one.
/// </summary>
internal sealed class CaseDraft
{
    [ThreadStatic]
    private static CaseDraft? _spare;

    public ComplaintId Id { get; set; }

    public long Version { get; set; }

    public string ProcessVersion { get; set; } = null!;

    public string Step { get; set; } = null!;

    public string CustomerRef { get; set; } = null!;

    public Channel Channel { get; set; }

    public string Summary { get; set; } = null!;

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Actor OpenedBy { get; set; } = null!;

    public bool Proactive { get; set; }

    public string? CustomerLanguage { get; set; }

    public Severity Severity { get; set; }

    public ComplaintFlags Flags { get; set; }

    public ImmutableArray<string> Categories { get; set; }

    public Actor? Owner { get; set; }

    public string Tier { get; set; } = null!;

    public string? Team { get; set; }

    public ImmutableArray<string> EscalationCauses { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public bool ThankedAndApologised { get; set; }

    public ImmutableArray<CustomerStatement> Statements { get; set; }

    public ImmutableArray<Clarification> Clarifications { get; set; }

    public Paraphrase? Paraphrase { get; set; }

    public DesiredOutcome? DesiredOutcome { get; set; }

    public ImmutableArray<Proposal> Proposals { get; set; }

    public ImmutableArray<CustomerDecision> Decisions { get; set; }

    public Fulfilment? Fulfilment { get; set; }

    public ImmutableArray<FollowUp> FollowUps { get; set; }

    public FollowUpWaiver? FollowUpWaiver { get; set; }

    public ImmutableArray<CaseNote> Notes { get; set; }

    public ImmutableArray<CustomerUpdate> CustomerUpdates { get; set; }

    public ImmutableArray<StepRecord> StepRecords { get; set; }

    public ImmutableArray<CaseClock> Clocks { get; set; }

    public DateTimeOffset? NextDueAt { get; set; }

    public int UnansweredFollowUps { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int ReopenCount { get; set; }

    public Outcomes.CaseOutcome? Outcome { get; set; }

    public ImmutableArray<Outcomes.RedressEntry> Redress { get; set; }

    public string? RedressShortfallReason { get; set; }

    public ImmutableArray<Outcomes.CustomerCommunication> Communications { get; set; }

    /// <summary>A draft holding the case's values, reusing this thread's spare one.</summary>
    public static CaseDraft Of(ComplaintCase from)
    {
        var draft = _spare ?? new CaseDraft();
        _spare = null;
        draft.Load(from);
        return draft;
    }

    /// <summary>Builds the snapshot, and hands the draft back for the next change on this thread.</summary>
    public ComplaintCase BuildAndRelease()
    {
        var built = Build();
        Release();
        return built;
    }

    /// <summary>
    /// Hands the draft back, built or unbuilt. It keeps its last values until the next change loads over them: one case's
    /// worth per thread, not worth clearing on every change.
    /// </summary>
    public void Release() => _spare = this;

    /// <summary>Builds the snapshot and keeps the draft for more changes.</summary>
    public ComplaintCase Build() => new()
    {
        Id = Id,
        Version = Version,
        ProcessVersion = ProcessVersion,
        Step = Step,
        CustomerRef = CustomerRef,
        Channel = Channel,
        Summary = Summary,
        ReceivedAt = ReceivedAt,
        OpenedAt = OpenedAt,
        UpdatedAt = UpdatedAt,
        OpenedBy = OpenedBy,
        Proactive = Proactive,
        CustomerLanguage = CustomerLanguage,
        Severity = Severity,
        Flags = Flags,
        Categories = Categories,
        Owner = Owner,
        Tier = Tier,
        Team = Team,
        EscalationCauses = EscalationCauses,
        AcknowledgedAt = AcknowledgedAt,
        ThankedAndApologised = ThankedAndApologised,
        Statements = Statements,
        Clarifications = Clarifications,
        Paraphrase = Paraphrase,
        DesiredOutcome = DesiredOutcome,
        Proposals = Proposals,
        Decisions = Decisions,
        Fulfilment = Fulfilment,
        FollowUps = FollowUps,
        FollowUpWaiver = FollowUpWaiver,
        Notes = Notes,
        CustomerUpdates = CustomerUpdates,
        StepRecords = StepRecords,
        Clocks = Clocks,
        NextDueAt = NextDueAt,
        UnansweredFollowUps = UnansweredFollowUps,
        ClosedAt = ClosedAt,
        ReopenCount = ReopenCount,
        Outcome = Outcome,
        Redress = Redress,
        RedressShortfallReason = RedressShortfallReason,
        Communications = Communications,
    };

    private void Load(ComplaintCase from)
    {
        Id = from.Id;
        Version = from.Version;
        ProcessVersion = from.ProcessVersion;
        Step = from.Step;
        CustomerRef = from.CustomerRef;
        Channel = from.Channel;
        Summary = from.Summary;
        ReceivedAt = from.ReceivedAt;
        OpenedAt = from.OpenedAt;
        UpdatedAt = from.UpdatedAt;
        OpenedBy = from.OpenedBy;
        Proactive = from.Proactive;
        CustomerLanguage = from.CustomerLanguage;
        Severity = from.Severity;
        Flags = from.Flags;
        Categories = from.Categories;
        Owner = from.Owner;
        Tier = from.Tier;
        Team = from.Team;
        EscalationCauses = from.EscalationCauses;
        AcknowledgedAt = from.AcknowledgedAt;
        ThankedAndApologised = from.ThankedAndApologised;
        Statements = from.Statements;
        Clarifications = from.Clarifications;
        Paraphrase = from.Paraphrase;
        DesiredOutcome = from.DesiredOutcome;
        Proposals = from.Proposals;
        Decisions = from.Decisions;
        Fulfilment = from.Fulfilment;
        FollowUps = from.FollowUps;
        FollowUpWaiver = from.FollowUpWaiver;
        Notes = from.Notes;
        CustomerUpdates = from.CustomerUpdates;
        StepRecords = from.StepRecords;
        Clocks = from.Clocks;
        NextDueAt = from.NextDueAt;
        UnansweredFollowUps = from.UnansweredFollowUps;
        ClosedAt = from.ClosedAt;
        ReopenCount = from.ReopenCount;
        Outcome = from.Outcome;
        Redress = from.Redress;
        RedressShortfallReason = from.RedressShortfallReason;
        Communications = from.Communications;
    }
}
