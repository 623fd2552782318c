namespace ComplaintFlow.Events;

/// <summary>A paused clock counts again.</summary>
/// <param name="Name">The clock.</param>
/// <param name="DueAt">When it is now due.</param>
public sealed record ClockResumed(string Name, DateTimeOffset DueAt) : ComplaintEventData;
