namespace ComplaintFlow.Events;

/// <summary>The customer rejected a proposal (PR-09).</summary>
/// <param name="ProposalNumber">The proposal.</param>
/// <param name="CounterSuggestion">What the customer would consider fair.</param>
/// <param name="Channel">Where the customer said no.</param>
public sealed record ProposalRejected(int ProposalNumber, string? CounterSuggestion, Channel Channel) : ComplaintEventData;
