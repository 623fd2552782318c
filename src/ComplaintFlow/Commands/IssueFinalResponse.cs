using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Ends the search for agreement: when the customer has rejected what was proposed, or the firm concludes it cannot do
/// what the customer asks, an authorised actor sends a final response with the outcome, the reasons, what is offered
/// (possibly nothing) and the referral rights of the preset (PR-09, PR-17). It is recorded as the preset's final answer:
/// a final response (UK), an IDR response (Australia) or a response through the CFPB portal (United States). For the
/// clocks, a response with nothing offered resolves the case (as a fulfilment would), and one with an offer agrees it. With an offer the case goes on to carry it
/// out, then to follow-up; without one, straight to follow-up (PR-14 still holds). Once a round; a supervisor or above by
/// default (<see cref="ComplaintFlowOptions.MinimumTierByAction"/>), and an offer beyond the actor's authority escalates
/// instead, as a proposal does (PR-07).
/// </summary>
public sealed record IssueFinalResponse : ComplaintCommand
{
    /// <summary>The decision.</summary>
    public required ComplaintOutcome? Decision { get; init; }

    /// <summary>True when redress is offered without accepting the complaint; only with <see cref="ComplaintOutcome.NotUpheld"/>.</summary>
    public bool RedressWithoutAcceptance { get; init; }

    /// <summary>Why, in words the customer can follow.</summary>
    public required string Reasons { get; init; }

    /// <summary>What the firm will do anyway; empty when nothing is offered.</summary>
    public ImmutableArray<Remedy> Offer { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The product code; when omitted, the one mapped from the case's categories.</summary>
    public string? Product { get; init; }

    /// <summary>The root-cause code.</summary>
    public string? RootCause { get; init; }

    /// <summary>How the letter was sent.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The app's reference to the letter.</summary>
    public string? Reference { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.IssueFinalResponse;

    internal override string TriggerFor(in TriggerContext context) => Offer.IsDefaultOrEmpty ? Triggers.FinalResponseWithoutOffer : Triggers.FinalResponseWithOffer;

    private protected override void ValidateFields()
    {
        OutcomeFields.Validate(Decision, RedressWithoutAcceptance, Reasons, Product, RootCause);
        Require.Remedies(Offer, nameof(Offer), allowEmpty: true);
        if (RedressWithoutAcceptance && Offer.IsDefaultOrEmpty)
        {
            throw new ComplaintValidationException(nameof(Offer), "is empty, but the response offers redress without accepting the complaint; say what is offered.");
        }
        Require.Defined(Channel, nameof(Channel));
        Require.OptionalText(Reference, nameof(Reference), Require.IdLength);
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        OutcomeFields.Resolve(context, Decision!.Value, RedressWithoutAcceptance, Reasons, Product, RootCause, Actor);
        if (context.Ends.RefusalToSend(context.Case with { Outcome = new CaseOutcome(Decision.Value, RedressWithoutAcceptance, Reasons, null, null, Actor, context.Now) }, context.Ends.FinalAnswer, context.Now) is { } refused)
        {
            throw new ComplaintValidationException(nameof(Decision), refused);
        }
    }

    internal override async ValueTask<AuthorityShortfall?> PrepareAsync(PreparationContext context, CancellationToken cancellationToken)
    {
        if (Offer.IsDefaultOrEmpty)
        {
            return null;
        }

        if (context.Authority.FindShortfall(Actor, [.. Offer.Where(r => r.Amount is not null).Select(r => r.Amount!.Value)]) is { } shortfall)
        {
            return shortfall;
        }

        await context.CheckFeasibleAsync(Offer, cancellationToken).ConfigureAwait(false);
        return null;
    }

    internal override Applied Apply(in CommandContext context)
    {
        var draft = context.Draft;
        var outcome = OutcomeFields.Resolve(context, Decision!.Value, RedressWithoutAcceptance, Reasons, Product, RootCause, Actor);
        var proposals = context.Case.Proposals;

        // A proposal still awaiting the customer's decision is overtaken by the final response.
        if (context.Case.LatestProposal is { Status: ProposalStatus.Open } open)
        {
            proposals = proposals.SetItem(proposals.Length - 1, open with { Status = ProposalStatus.Superseded });
        }

        Proposal? offer = null;
        if (!Offer.IsDefaultOrEmpty)
        {
            offer = new Proposal(proposals.Length + 1, Offer, [], Reasons, Actor, context.Now, ProposalStatus.OfferedInFinalResponse);
            proposals = proposals.Add(offer);
        }

        var letter = new CustomerCommunication(context.Ends.FinalAnswer, Channel, context.Now, Actor, Reference, context.Case.ReopenCount);
        draft.Proposals = proposals;
        draft.Outcome = outcome;
        draft.Communications = context.Case.Communications.Add(letter);
        return new(new FinalResponseIssued(outcome, offer, letter));
    }
}
