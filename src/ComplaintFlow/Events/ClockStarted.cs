namespace ComplaintFlow.Events;

/// <summary>A clock started counting.</summary>
/// <param name="Name">The clock.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="WarnAt">When its warning falls due.</param>
public sealed record ClockStarted(string Name, DateTimeOffset DueAt, DateTimeOffset WarnAt) : ComplaintEventData;
