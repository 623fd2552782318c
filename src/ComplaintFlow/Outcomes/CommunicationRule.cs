using System.Collections.Immutable;

namespace ComplaintFlow.Outcomes;

/// <summary>
/// One thing a preset requires of what is sent to the customer: a communication needed before close, a communication
/// needed when another is late, or a communication allowed only until a deadline; and the elements its letter must
/// carry. Build one with <see cref="BeforeClose"/>, <see cref="IfLate"/> or <see cref="OnlyUntil"/>.
/// </summary>
public sealed record CommunicationRule
{
    private CommunicationRule(CommunicationNeed need, CommunicationKind kind, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Need = need;
        Kind = kind;
        Description = description;
    }

    /// <summary>How the rule applies.</summary>
    public CommunicationNeed Need { get; }

    /// <summary>The communication the rule is about.</summary>
    public CommunicationKind Kind { get; }

    /// <summary>What it is, in the words a refusal uses: "a final response with the ombudsman's details (FCA DISP 1.6)".</summary>
    public string Description { get; }

    /// <summary>
    /// For <see cref="CommunicationNeed.BeforeClose"/>: communications that satisfy the rule instead. For
    /// <see cref="CommunicationNeed.IfLate"/>: communications that, sent in time, count as the late one (a summary
    /// resolution for a final response).
    /// </summary>
    public ImmutableArray<CommunicationKind> Alternatives { get; init; } = [];

    /// <summary>
    /// The clock whose deadline the rule reads: for <see cref="CommunicationNeed.IfLate"/>, the deadline the late
    /// communication missed; for <see cref="CommunicationNeed.OnlyUntil"/>, when the window closes; for
    /// <see cref="CommunicationNeed.BeforeClose"/>, optionally a deadline before which closing needs no such communication.
    /// </summary>
    public string? Clock { get; init; }

    /// <summary>For <see cref="CommunicationNeed.IfLate"/>: the communication whose lateness makes this one required.</summary>
    public CommunicationKind? LateKind { get; init; }

    /// <summary>The elements the letter for <see cref="Kind"/> must carry (see <see cref="CustomerLetter"/>).</summary>
    public ImmutableArray<LetterElement> Elements { get; init; } = [LetterElement.CaseFacts];

    /// <summary>
    /// Requires the communication, or one of <paramref name="alternatives"/>, before the case closes. With
    /// <paramref name="notNeededIfClosedBy"/>, a case that closes by that clock's deadline needs none (Australia's quick
    /// resolutions within five business days).
    /// </summary>
    public static CommunicationRule BeforeClose(CommunicationKind kind, string description, IEnumerable<CommunicationKind>? alternatives = null, string? notNeededIfClosedBy = null) =>
        new(CommunicationNeed.BeforeClose, kind, description) { Alternatives = [.. alternatives ?? []], Clock = notNeededIfClosedBy };

    /// <summary>Requires the communication before close when <paramref name="late"/> was not sent by <paramref name="clock"/>'s deadline.</summary>
    public static CommunicationRule IfLate(CommunicationKind kind, string description, CommunicationKind late, string clock, IEnumerable<CommunicationKind>? lateAlternatives = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clock);
        return new(CommunicationNeed.IfLate, kind, description) { LateKind = late, Clock = clock, Alternatives = [.. lateAlternatives ?? []] };
    }

    /// <summary>Allows the communication only until <paramref name="clock"/>'s deadline.</summary>
    public static CommunicationRule OnlyUntil(CommunicationKind kind, string description, string clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clock);
        return new(CommunicationNeed.OnlyUntil, kind, description) { Clock = clock };
    }
}
