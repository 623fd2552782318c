namespace ComplaintFlow.Events;

/// <summary>The agent restated the problem for the customer to confirm (PR-05).</summary>
/// <param name="Text">The restatement.</param>
public sealed record ParaphraseSubmitted(string Text) : ComplaintEventData;
