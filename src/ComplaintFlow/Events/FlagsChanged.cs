namespace ComplaintFlow.Events;

/// <summary>The handling flags changed (PR-19).</summary>
/// <param name="From">The old flags.</param>
/// <param name="To">The new flags.</param>
public sealed record FlagsChanged(ComplaintFlags From, ComplaintFlags To) : ComplaintEventData;
