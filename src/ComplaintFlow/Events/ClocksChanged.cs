using System.Collections.Immutable;

namespace ComplaintFlow.Events;

/// <summary>
/// What a command did to the case's clocks: each clock it started, stopped, reset, paused or resumed. One event per
/// command keeps the history readable and compact.
/// </summary>
/// <param name="Changes">The clocks that changed, in the order they are configured.</param>
public sealed record ClocksChanged(ImmutableArray<ClockChange> Changes) : ComplaintEventData;
