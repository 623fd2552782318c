using System.Collections.Immutable;
using System.Globalization;
using ComplaintFlow.Policies;

namespace ComplaintFlow.Outcomes;

/// <summary>Builds the letter model of a case for one kind of communication, and refuses one that would lack what the preset requires.</summary>
internal static class LetterBuilder
{
    public static CustomerLetter For(ComplaintCase complaint, CommunicationKind kind, CaseEndRules ends, ICustomerExplanations texts, CultureInfo culture, DateTimeOffset now)
    {
        var referral = ends.Referral;
        var offer = complaint.AgreedOrOffered ?? complaint.LatestProposal;
        var letter = new CustomerLetter
        {
            Kind = kind,
            CaseId = complaint.Id,
            CustomerRef = complaint.CustomerRef,
            Culture = culture.Name,
            ReceivedAt = complaint.ReceivedAt,
            Summary = complaint.Summary,
            Outcome = complaint.Outcome,
            Offer = offer is { Status: ProposalStatus.Accepted or ProposalStatus.OfferedInFinalResponse } ? offer.Remedies : [],
            RedressPaid = complaint.RedressPaid,
            GoodwillPaid = complaint.GoodwillPaid,
            Referral = referral,
            ReferralText = referral is null ? null : texts.GetText(referral.TextKey, culture),
            ReferralDeadline = referral is null ? null : now.AddMonths(referral.TimeLimitMonths),
            // The deadline still ahead: the earliest running regulatory clock, or the earliest of all when none runs.
            ResponseDeadline = complaint.Clocks.Where(c => c.Regulatory && c.Status != ClockStatus.Stopped).Select(c => (DateTimeOffset?)c.DueAt).Min()
                ?? complaint.Clocks.Where(c => c.Regulatory).Select(c => (DateTimeOffset?)c.DueAt).Min(),
            Deadlines = [.. complaint.Clocks.Select(c => new LetterDeadline(c.Name, c.DueAt, c.Regulatory))],
            Required = [.. ends.ElementsFor(kind)],
        };

        if (letter.Missing is { Count: > 0 } missing)
        {
            throw new ComplaintValidationException("kind", $"a {CaseEndRules.Name(kind)} for case {complaint.Id} must carry {string.Join(", ", missing.Select(Describe))}, and the case {(missing.Contains(LetterElement.Outcome) || missing.Contains(LetterElement.Reasons) ? "has no outcome yet (record-outcome)" : "or its preset lacks it")}.");
        }

        return letter;
    }

    private static string Describe(LetterElement element) => element switch
    {
        LetterElement.CaseFacts => "the case's facts",
        LetterElement.Outcome => "the outcome",
        LetterElement.Reasons => "the reasons",
        LetterElement.Offer => "what is offered",
        LetterElement.ReferralBody => "the referral body",
        LetterElement.ReferralContact => "the referral body's contact details",
        LetterElement.ReferralTimeLimit => "the referral time limit",
        _ => "the response deadline",
    };
}
