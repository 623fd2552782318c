using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>What accepting and rejecting a proposal share: the number check and the recorded decision.</summary>
internal static class ProposalDecision
{
    public static void Validate(int proposalNumber, Channel channel)
    {
        if (proposalNumber < 1)
        {
            throw new ComplaintValidationException("ProposalNumber", $"must be 1 or more, but is {proposalNumber}.");
        }

        Require.Defined(channel, "Channel");
    }

    public static void RequireOpen(ComplaintCase complaint, int proposalNumber, string verb)
    {
        var open = complaint.LatestProposal!;
        if (open.Number != proposalNumber)
        {
            throw new ComplaintValidationException("ProposalNumber", $"is {proposalNumber}, but the proposal awaiting the customer's decision is number {open.Number}; the customer can only {verb} that exact proposal (PR-08).");
        }
    }

    public static void Decide(in CommandContext context, int proposalNumber, bool accepted, string? counterSuggestion, Channel channel)
    {
        var draft = context.Draft;
        var proposals = draft.Proposals;
        var decided = proposals[^1] with { Status = accepted ? ProposalStatus.Accepted : ProposalStatus.Rejected };
        draft.Proposals = proposals.SetItem(proposals.Length - 1, decided);
        draft.Decisions = draft.Decisions.Add(new CustomerDecision(proposalNumber, accepted, counterSuggestion, channel, context.Now));
    }
}
