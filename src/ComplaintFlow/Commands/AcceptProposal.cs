using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;

namespace ComplaintFlow;

/// <summary>Records the customer's explicit acceptance of the open proposal (PR-08).</summary>
public sealed record AcceptProposal : ComplaintCommand
{
    /// <summary>The number of the proposal the customer accepted; must be the open one.</summary>
    public required int ProposalNumber { get; init; }

    /// <summary>Where the customer said yes.</summary>
    [JsonIgnore]
    public Channel Channel { get; init; } = Channel.Phone;

    // The JSON member: as a nullable, one the JSON leaves out reads as null, which keeps the default (see
    // AcknowledgeComplaint.ThankedAndApologisedInJson).
    [JsonInclude]
    [JsonPropertyName("channel")]
    internal Channel? ChannelInJson { get => Channel; init => Channel = value ?? Channel.Phone; }

    /// <summary>
    /// The outcome the acceptance records when the case has none yet in this round: upheld (the default) or partly
    /// upheld, with the proposal's explanation as the reasons (PR-17). An outcome recorded before it stands.
    /// </summary>
    public Outcomes.ComplaintOutcome Outcome { get; init; } = Outcomes.ComplaintOutcome.Upheld;

    /// <inheritdoc />
    public override string Action => ComplaintActions.Accept;

    private protected override void ValidateFields()
    {
        ProposalDecision.Validate(ProposalNumber, Channel);
        if (Outcome is not (Outcomes.ComplaintOutcome.Upheld or Outcomes.ComplaintOutcome.PartlyUpheld))
        {
            throw new ComplaintValidationException(nameof(Outcome), $"is {Outcome}; an accepted proposal makes the complaint upheld or partly upheld. To reject it, issue a final response instead.");
        }
    }

    internal override void CheckAgainst(in CommandContext context) => ProposalDecision.RequireOpen(context.Case, ProposalNumber, "accept");

    internal override Applied Apply(in CommandContext context)
    {
        ProposalDecision.Decide(context, ProposalNumber, accepted: true, null, Channel);
        if (context.Case.Outcome is not null)
        {
            return new(new ProposalAccepted(ProposalNumber, Channel));
        }

        var accepted = context.Case.LatestProposal!;
        var outcome = new Outcomes.CaseOutcome(Outcome, false, accepted.Explanation, context.Ends.ProductFor(context.Case, null, "Product"), null, Actor, context.Now);
        context.Draft.Outcome = outcome;
        return new(new ProposalAccepted(ProposalNumber, Channel), new OutcomeRecorded(outcome));
    }
}
