namespace ComplaintFlow.Events;

/// <summary>The case closed.</summary>
/// <param name="Reason">Why it closed.</param>
public sealed record ComplaintClosed(CloseReason Reason) : ComplaintEventData;
