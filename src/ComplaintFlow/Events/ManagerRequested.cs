namespace ComplaintFlow.Events;

/// <summary>The customer asked for a manager.</summary>
/// <param name="CustomerWords">What the customer said.</param>
public sealed record ManagerRequested(string CustomerWords) : ComplaintEventData;
