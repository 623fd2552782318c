namespace ComplaintFlow.Events;

/// <summary>The customer corrected the restatement; the agent listens again (PR-05).</summary>
/// <param name="Correction">What the customer said was wrong.</param>
public sealed record ParaphraseCorrected(string Correction) : ComplaintEventData;
