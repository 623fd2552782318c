using ComplaintFlow.Events;
using ComplaintFlow.Process;

namespace ComplaintFlow;

/// <summary>Records the customer's explicit acceptance of the open proposal (PR-08).</summary>
public sealed record AcceptProposal : ComplaintCommand
{
    /// <summary>The number of the proposal the customer accepted; must be the open one.</summary>
    public required int ProposalNumber { get; init; }

    /// <summary>Where the customer said yes.</summary>
    public Channel Channel { get; init; } = Channel.Phone;

    /// <inheritdoc />
    public override string Action => ComplaintActions.Accept;

    private protected override void ValidateFields() => ProposalDecision.Validate(ProposalNumber, Channel);

    internal override void CheckAgainst(in CommandContext context) => ProposalDecision.RequireOpen(context.Case, ProposalNumber, "accept");

    internal override Applied Apply(in CommandContext context)
    {
        ProposalDecision.Decide(context, ProposalNumber, accepted: true, null, Channel);
        return new(new ProposalAccepted(ProposalNumber, Channel));
    }
}
