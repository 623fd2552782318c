namespace ComplaintFlow.Time;

/// <summary>
/// A stretch of open time: from <see cref="Start"/> (included) to <see cref="End"/> (excluded), both in UTC. Periods a
/// calendar lists are never empty, never overlap, and are in time order (or newest first, going backwards).
/// </summary>
/// <param name="Start">When it opens (included).</param>
/// <param name="End">When it closes (excluded).</param>
public readonly record struct BusinessPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long it is open.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when the instant is in the period: at or after its start and before its end.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
