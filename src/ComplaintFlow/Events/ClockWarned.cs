namespace ComplaintFlow.Events;

/// <summary>A clock reached its warning threshold.</summary>
/// <param name="Name">The clock.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record ClockWarned(string Name, DateTimeOffset DueAt) : ComplaintEventData;
