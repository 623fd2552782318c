namespace ComplaintFlow.Events;

/// <summary>One clock's change within a <see cref="ClocksChanged"/> event.</summary>
/// <param name="Name">The clock.</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="DueAt">When it is due after the change; <see langword="null"/> when stopped or paused.</param>
/// <param name="Remaining">For a pause: the time that was left to the deadline.</param>
/// <param name="Met">For a stop: true when it stopped before its deadline.</param>
/// <remarks>
/// The optional values are kept as ticks and flags, not as <see cref="Nullable{T}"/> fields, so a change is 32 bytes
/// instead of 56: a case's history keeps every one. Instants read back as UTC. The default value has no due instant,
/// no remaining time and no verdict, as before.
/// </remarks>
public readonly record struct ClockChange(string Name, ClockChangeKind Kind, DateTimeOffset? DueAt, TimeSpan? Remaining = null, bool? Met = null)
{
    private const byte HasDueAt = 1;
    private const byte HasRemaining = 2;
    private const byte HasMet = 4;
    private const byte MetValue = 8;

    private readonly long _dueAt = DueAt?.UtcTicks ?? 0;
    private readonly long _remaining = Remaining?.Ticks ?? 0;
    private readonly byte _present = (byte)((DueAt is null ? 0 : HasDueAt) | (Remaining is null ? 0 : HasRemaining) | (Met is null ? 0 : HasMet) | (Met == true ? MetValue : 0));

    /// <summary>When it is due after the change; <see langword="null"/> when stopped or paused.</summary>
    public DateTimeOffset? DueAt
    {
        get => (_present & HasDueAt) != 0 ? new DateTimeOffset(_dueAt, TimeSpan.Zero) : null;
        init => (_dueAt, _present) = value is { } due ? (due.UtcTicks, (byte)(_present | HasDueAt)) : (0, (byte)(_present & ~HasDueAt));
    }

    /// <summary>For a pause: the time that was left to the deadline.</summary>
    public TimeSpan? Remaining
    {
        get => (_present & HasRemaining) != 0 ? new TimeSpan(_remaining) : null;
        init => (_remaining, _present) = value is { } left ? (left.Ticks, (byte)(_present | HasRemaining)) : (0, (byte)(_present & ~HasRemaining));
    }

    /// <summary>For a stop: true when it stopped before its deadline.</summary>
    public bool? Met
    {
        get => (_present & HasMet) != 0 ? (_present & MetValue) != 0 : null;
        init => _present = value switch
        {
            true => (byte)(_present | HasMet | MetValue),
            false => (byte)((_present | HasMet) & ~MetValue),
            null => (byte)(_present & ~(HasMet | MetValue)),
        };
    }
}
