using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Events;

/// <summary>
/// A final response was sent without the customer's agreement: the outcome, what is offered (possibly nothing) and
/// the letter, which carries the referral rights of the preset (PR-09, PR-17).
/// </summary>
/// <param name="Outcome">The decision and its reasons.</param>
/// <param name="Offer">What the firm will carry out anyway, as a proposal with status <see cref="ProposalStatus.OfferedInFinalResponse"/>; <see langword="null"/> when nothing is offered.</param>
/// <param name="Letter">The final response as sent, recorded as the preset's final answer (a final response, an IDR response or a CFPB response).</param>
public sealed record FinalResponseIssued(CaseOutcome Outcome, Proposal? Offer, CustomerCommunication Letter) : ComplaintEventData;
