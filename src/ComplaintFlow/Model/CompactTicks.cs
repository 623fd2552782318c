namespace ComplaintFlow;

/// <summary>
/// Optional instants and spans as plain ticks, with <see cref="long.MinValue"/> for "none", for the small records a
/// case keeps many of (clocks and their changes), where <see cref="Nullable{T}"/> of a 16-byte
/// <see cref="DateTimeOffset"/> would cost 24 bytes. <see cref="TimeSpan.MinValue"/> is the one span it cannot hold (it
/// reads back as none); no clock measures a span anywhere near it.
/// </summary>
internal static class CompactTicks
{
    /// <summary>No value.</summary>
    public const long None = long.MinValue;

    public static long Of(DateTimeOffset? instant) => instant?.UtcTicks ?? None;

    public static long Of(TimeSpan? span) => span?.Ticks ?? None;

    public static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static DateTimeOffset? OptionalInstant(long utcTicks) => utcTicks == None ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);

    public static TimeSpan? Span(long ticks) => ticks == None ? null : new TimeSpan(ticks);
}
