namespace ComplaintFlow.Events;

/// <summary>The customer confirmed the restatement (PR-05).</summary>
public sealed record ParaphraseConfirmed : ComplaintEventData;
