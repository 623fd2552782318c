namespace ComplaintFlow.Events;

/// <summary>The agreed remedy was carried out (PR-12).</summary>
/// <param name="ProposalNumber">The fulfilled proposal.</param>
/// <param name="Description">What was done.</param>
/// <param name="Reference">A reference in another system.</param>
public sealed record FulfilmentRecorded(int ProposalNumber, string Description, string? Reference) : ComplaintEventData;
