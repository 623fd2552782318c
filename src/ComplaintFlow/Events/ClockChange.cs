namespace ComplaintFlow.Events;

/// <summary>One clock's change within a <see cref="ClocksChanged"/> event.</summary>
/// <param name="Name">The clock.</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="DueAt">When it is due after the change; <see langword="null"/> when stopped or paused.</param>
/// <param name="Remaining">For a pause: the time that was left to the deadline.</param>
/// <param name="Met">For a stop: true when it stopped before its deadline.</param>
public readonly record struct ClockChange(string Name, ClockChangeKind Kind, DateTimeOffset? DueAt, TimeSpan? Remaining = null, bool? Met = null);
