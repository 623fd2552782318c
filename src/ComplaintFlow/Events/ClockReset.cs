namespace ComplaintFlow.Events;

/// <summary>A running clock started again from now, for example after a progress update (PR-13).</summary>
/// <param name="Name">The clock.</param>
/// <param name="DueAt">When it is now due.</param>
/// <param name="WarnAt">When its warning now falls due.</param>
public sealed record ClockReset(string Name, DateTimeOffset DueAt, DateTimeOffset WarnAt) : ComplaintEventData;
