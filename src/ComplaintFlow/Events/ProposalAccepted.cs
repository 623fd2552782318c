namespace ComplaintFlow.Events;

/// <summary>The customer accepted a proposal (PR-08).</summary>
/// <param name="ProposalNumber">The proposal.</param>
/// <param name="Channel">Where the customer said yes.</param>
public sealed record ProposalAccepted(int ProposalNumber, Channel Channel) : ComplaintEventData;
