namespace ComplaintFlow;

/// <summary>The agreed remedy, carried out (PR-12).</summary>
/// <param name="ProposalNumber">The accepted proposal that was fulfilled.</param>
/// <param name="Description">What was done.</param>
/// <param name="Reference">An optional reference in another system (refund id, shipment number).</param>
/// <param name="FulfilledBy">Who recorded it.</param>
/// <param name="FulfilledAt">When it was recorded.</param>
public sealed record Fulfilment(int ProposalNumber, string Description, string? Reference, Actor FulfilledBy, DateTimeOffset FulfilledAt);
