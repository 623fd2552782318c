namespace ComplaintFlow.Events;

/// <summary>A clock passed its deadline while running.</summary>
/// <param name="Name">The clock.</param>
/// <param name="DueAt">The deadline that passed.</param>
/// <param name="Regulatory">True for a regulator's deadline.</param>
public sealed record ClockBreached(string Name, DateTimeOffset DueAt, bool Regulatory) : ComplaintEventData;
