namespace ComplaintFlow.Events;

/// <summary>A resolution was proposed to the customer (PR-07, PR-16).</summary>
/// <param name="Proposal">The proposal as made.</param>
public sealed record ResolutionProposed(Proposal Proposal) : ComplaintEventData;
