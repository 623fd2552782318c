namespace ComplaintFlow.Events;

/// <summary>A clock stopped: what it measured happened, or the case ended.</summary>
/// <param name="Name">The clock.</param>
/// <param name="Met">True when it stopped before its deadline.</param>
public sealed record ClockStopped(string Name, bool Met) : ComplaintEventData;
