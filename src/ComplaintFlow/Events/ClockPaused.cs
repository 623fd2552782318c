namespace ComplaintFlow.Events;

/// <summary>A clock stopped counting while the case waits on the customer.</summary>
/// <param name="Name">The clock.</param>
/// <param name="RemainingToDue">The time left to the deadline.</param>
public sealed record ClockPaused(string Name, TimeSpan RemainingToDue) : ComplaintEventData;
