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
/// <remarks>
/// Instants are kept as UTC (a clock's times read back with a zero offset) and the optional values without
/// <see cref="Nullable{T}"/> padding: a case carries one of these per clock in every snapshot, and its history keeps
/// them, so the object is about half the size it would be with the values stored as declared.
/// </remarks>
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
    private readonly long _startedAt = StartedAt.UtcTicks;
    private readonly long _dueAt = DueAt.UtcTicks;
    private readonly long _warnAt = WarnAt.UtcTicks;
    private readonly long _remainingToDue = CompactTicks.Of(RemainingToDue);
    private readonly long _remainingToWarn = CompactTicks.Of(RemainingToWarn);
    private readonly long _stoppedAt = CompactTicks.Of(StoppedAt);

    /// <summary>When it started counting (for clocks started at opening: when the complaint was received).</summary>
    public DateTimeOffset StartedAt
    {
        get => CompactTicks.Instant(_startedAt);
        init => _startedAt = value.UtcTicks;
    }

    /// <summary>When it is due; while paused, when it would have been due.</summary>
    public DateTimeOffset DueAt
    {
        get => CompactTicks.Instant(_dueAt);
        init => _dueAt = value.UtcTicks;
    }

    /// <summary>When the warning falls due.</summary>
    public DateTimeOffset WarnAt
    {
        get => CompactTicks.Instant(_warnAt);
        init => _warnAt = value.UtcTicks;
    }

    /// <summary>While paused: the time that was left to the deadline.</summary>
    public TimeSpan? RemainingToDue
    {
        get => CompactTicks.Span(_remainingToDue);
        init => _remainingToDue = CompactTicks.Of(value);
    }

    /// <summary>While paused: the time that was left to the warning.</summary>
    public TimeSpan? RemainingToWarn
    {
        get => CompactTicks.Span(_remainingToWarn);
        init => _remainingToWarn = CompactTicks.Of(value);
    }

    /// <summary>When it stopped.</summary>
    public DateTimeOffset? StoppedAt
    {
        get => CompactTicks.OptionalInstant(_stoppedAt);
        init => _stoppedAt = CompactTicks.Of(value);
    }

    /// <summary>
    /// The next instant at which something is due on this clock, or <see langword="null"/>: the warning instant, or the
    /// first instant after the deadline. The deadline instant itself is still on time (a stop then is met, and the
    /// reports count it within), so the breach falls due one tick after it.
    /// </summary>
    public DateTimeOffset? NextDueAt => CompactTicks.OptionalInstant(NextDueTicks);

    /// <summary><see cref="NextDueAt"/> as UTC ticks, or <see cref="CompactTicks.None"/>, for comparing without converting.</summary>
    internal long NextDueTicks =>
        Status != ClockStatus.Running ? CompactTicks.None : !Warned ? _warnAt : !Breached ? _dueAt + 1 : CompactTicks.None;
}
