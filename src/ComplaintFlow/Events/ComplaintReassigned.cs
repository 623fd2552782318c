namespace ComplaintFlow.Events;

/// <summary>The case got a new owner (PR-04).</summary>
/// <param name="PreviousOwner">The owner before, if any.</param>
/// <param name="NewOwner">The new owner.</param>
/// <param name="Reason">Why, if said.</param>
public sealed record ComplaintReassigned(Actor? PreviousOwner, Actor NewOwner, string? Reason) : ComplaintEventData;
