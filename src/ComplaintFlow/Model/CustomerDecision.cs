namespace ComplaintFlow;

/// <summary>The customer's answer to a proposal (PR-08, PR-09).</summary>
/// <param name="ProposalNumber">The proposal decided on.</param>
/// <param name="Accepted">True when accepted.</param>
/// <param name="CounterSuggestion">On a rejection, what the customer would consider fair (PR-09, PR-16).</param>
/// <param name="Channel">Where the customer gave the answer.</param>
/// <param name="DecidedAt">When it was recorded.</param>
public sealed record CustomerDecision(int ProposalNumber, bool Accepted, string? CounterSuggestion, Channel Channel, DateTimeOffset DecidedAt);
