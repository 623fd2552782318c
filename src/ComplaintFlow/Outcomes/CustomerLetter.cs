using System.Collections.Immutable;

namespace ComplaintFlow.Outcomes;

/// <summary>
/// Everything a letter to the customer may need, taken from the case and the preset, for the app's own template: the
/// case's facts, the outcome and reasons, what is offered and paid, the referral body with its time limit and text in
/// the customer's language, and the deadlines. <see cref="Required"/> lists what the preset requires this kind of
/// letter to carry; <see cref="IComplaintDesk.GetLetterAsync"/> refuses to build one that would lack any, so a template
/// fed from it cannot leave a required element out. The library does not write letters.
/// </summary>
public sealed record CustomerLetter
{
    /// <summary>What the letter is.</summary>
    public required CommunicationKind Kind { get; init; }

    /// <summary>The case.</summary>
    public required ComplaintId CaseId { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerRef { get; init; }

    /// <summary>The customer's language (an IETF tag), the one the texts are in.</summary>
    public required string Culture { get; init; }

    /// <summary>When the complaint was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>What the complaint is about.</summary>
    public required string Summary { get; init; }

    /// <summary>The decision and its reasons, or <see langword="null"/> when none is recorded.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>What the firm offers or agreed to do; empty when nothing.</summary>
    public ImmutableArray<Remedy> Offer { get; init; } = [];

    /// <summary>Redress paid so far, per currency, goodwill apart.</summary>
    public ImmutableArray<Money> RedressPaid { get; init; } = [];

    /// <summary>Goodwill paid so far, per currency.</summary>
    public ImmutableArray<Money> GoodwillPaid { get; init; } = [];

    /// <summary>Where the customer can take the complaint, or <see langword="null"/> when the preset names no body.</summary>
    public ReferralRights? Referral { get; init; }

    /// <summary>The customer-facing text of the referral rights, in <see cref="Culture"/>.</summary>
    public string? ReferralText { get; init; }

    /// <summary>The last day to refer the complaint, counted from the letter's date; <see langword="null"/> without a referral body.</summary>
    public DateTimeOffset? ReferralDeadline { get; init; }

    /// <summary>The regulator's deadline for the response, when the case has one.</summary>
    public DateTimeOffset? ResponseDeadline { get; init; }

    /// <summary>The case's clocks, to quote any other deadline.</summary>
    public ImmutableArray<LetterDeadline> Deadlines { get; init; } = [];

    /// <summary>The elements the preset requires a letter of this kind to carry.</summary>
    public ImmutableArray<LetterElement> Required { get; init; } = [];

    /// <summary>Required elements this letter lacks; empty for a letter built by the desk.</summary>
    public IReadOnlyList<LetterElement> Missing => [.. Required.Where(e => !Carries(e))];

    /// <summary>True when the letter carries the element.</summary>
    public bool Carries(LetterElement element) => element switch
    {
        LetterElement.CaseFacts => !string.IsNullOrWhiteSpace(Summary),
        LetterElement.Outcome => Outcome is not null,
        LetterElement.Reasons => !string.IsNullOrWhiteSpace(Outcome?.Reasons),
        LetterElement.Offer => !Offer.IsDefault,
        LetterElement.ReferralBody => Referral is not null,
        LetterElement.ReferralContact => !string.IsNullOrWhiteSpace(Referral?.Website) && !string.IsNullOrWhiteSpace(Referral?.Phone),
        LetterElement.ReferralTimeLimit => ReferralDeadline is not null && !string.IsNullOrWhiteSpace(ReferralText),
        LetterElement.ResponseDeadline => ResponseDeadline is not null,
        _ => false,
    };
}
