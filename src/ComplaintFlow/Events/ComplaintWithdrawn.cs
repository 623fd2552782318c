namespace ComplaintFlow.Events;

/// <summary>The customer withdrew the complaint.</summary>
/// <param name="Reason">Why, if said.</param>
public sealed record ComplaintWithdrawn(string? Reason) : ComplaintEventData;
