namespace ComplaintFlow.Events;

/// <summary>A closed or followed-up case was reopened and returned to listening (PR-14).</summary>
/// <param name="Reason">Why.</param>
public sealed record ComplaintReopened(string Reason) : ComplaintEventData;
