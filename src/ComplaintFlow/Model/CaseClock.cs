namespace ComplaintFlow;

/// <summary>One clock on a case: when it started, when it is due, and whether it warned or was breached.</summary>
/// <param name="Name">The clock's name (see <see cref="Time.ClockDefinition.Name"/>).</param>
/// <param name="Status">Running, paused or stopped.</param>
/// <param name="StartedAt">When it started counting (for clocks started at opening: when the complaint was received).</param>
/// <param name="DueAt">When it is due; while paused, when it would have been due.</param>
/// <param name="WarnAt">When the warning falls due.</param>
/// <param name="Warned">True once the warning was recorded.</param>
/// <param name="Breached">True once the deadline passed while the clock was running.</param>
/// <param name="Regulatory">True for a regulator's deadline.</param>
/// <param name="RemainingToDue">While paused: the time that was left to the deadline.</param>
/// <param name="RemainingToWarn">While paused: the time that was left to the warning.</param>
/// <param name="StoppedAt">When it stopped.</param>
public sealed record CaseClock(
    string Name,
    ClockStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset WarnAt,
    bool Warned,
    bool Breached,
    bool Regulatory,
    TimeSpan? RemainingToDue,
    TimeSpan? RemainingToWarn,
    DateTimeOffset? StoppedAt)
{
    /// <summary>The next instant at which something is due on this clock, or <see langword="null"/>.</summary>
    public DateTimeOffset? NextDueAt =>
        Status != ClockStatus.Running ? null : !Warned ? WarnAt : !Breached ? DueAt : null;
}
