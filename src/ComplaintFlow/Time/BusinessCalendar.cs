using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ComplaintFlow.Time;

/// <summary>
/// When the business is open, and arithmetic in open time: adding business time, measuring it, finding the next
/// opening and the close of the Nth business day. Correct across daylight-saving changes: each local date's hours are
/// converted with that date's offset.
/// </summary>
/// <remarks>
/// Conventions, matching the business-hours features of the large help desks: an opening interval includes its start
/// and excludes its end; time added from outside opening hours starts at the next opening; a holiday removes its whole
/// local date. A result that lands exactly on a closing time reports <b>that closing time</b> (17:00, not the next
/// morning's 09:00), so "due by the end of Tuesday" reads as Tuesday. Local times that a spring-forward change skips
/// move forward by the gap; an interval that a fall-back change repeats keeps both copies of the repeated hour.
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MaxDaysScanned = 3_700;
    private const int MaxBlocksScanned = MaxDaysScanned / CalendarBlock.Days;

    private readonly TimeZoneInfo _zone;
    private readonly bool _isUtc;
    private readonly (TimeSpan From, TimeSpan To)[][] _week;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly (DateTimeOffset From, DateTimeOffset To)[] _closures;
    private readonly ConcurrentDictionary<int, CalendarBlock> _blocks = new();

    // The block last used: deadlines of one period fall in one block, so most lookups skip the dictionary. Blocks are
    // immutable, so a torn race between threads only costs a dictionary lookup.
    private CalendarBlock? _lastBlock;
    private readonly ConcurrentDictionary<DateOnly, DateTimeOffset> _closes = new();

    internal BusinessCalendar(string timeZoneId, (TimeSpan From, TimeSpan To)[][] week, DateOnly[] holidays, (DateTimeOffset From, DateTimeOffset To)[] closures, bool alwaysOpen)
    {
        TimeZoneId = timeZoneId;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _isUtc = _zone.BaseUtcOffset == TimeSpan.Zero && !_zone.SupportsDaylightSavingTime;
        _week = week;
        _holidays = holidays.ToFrozenSet();
        _closures = closures;
        IsAlwaysOpen = alwaysOpen;
    }

    /// <summary>Calendar time: open all day every day in UTC. Adding time is plain addition.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        "Etc/UTC",
        [.. Enumerable.Range(0, 7).Select(_ => new[] { (TimeSpan.Zero, TimeSpan.FromDays(1)) })],
        [],
        [],
        alwaysOpen: true);

    /// <summary>Starts describing a calendar in an IANA time zone.</summary>
    public static BusinessCalendarBuilder Create(string timeZoneId) => new(timeZoneId);

    /// <summary>The IANA time zone the opening hours are in.</summary>
    public string TimeZoneId { get; }

    /// <summary>True for <see cref="AlwaysOpen"/>.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>True when the business is open at the instant.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var ticks = instant.UtcTicks;
        var block = BlockOf(ticks);
        var period = block.FirstEndingAfter(ticks);
        return period < block.Starts.Length && block.Starts[period] <= ticks;
    }

    /// <summary>The instant itself when open, otherwise the start of the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return instant;
        }

        var ticks = instant.UtcTicks;
        var block = BlockOf(ticks);
        for (var scanned = 0; scanned <= MaxBlocksScanned; scanned++)
        {
            var period = block.FirstEndingAfter(ticks);
            if (period < block.Starts.Length)
            {
                return Utc(Math.Max(block.Starts[period], ticks));
            }

            block = Block(block.Index + 1);
        }

        throw NoOpenings(instant);
    }

    /// <summary>
    /// The instant when <paramref name="businessTime"/> of open time has passed after <paramref name="start"/>. Time
    /// added from outside opening hours starts at the next opening; a result exactly at a closing time is that closing time.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        if (IsAlwaysOpen)
        {
            return start + businessTime;
        }

        var ticks = start.UtcTicks;
        var block = BlockOf(ticks);
        var from = block.FirstEndingAfter(ticks);
        var target = block.OpenBefore(ticks) + businessTime.Ticks;
        for (var scanned = 0; scanned <= MaxBlocksScanned; scanned++)
        {
            // The first period by whose end the target is reached: exactly at its end means that closing time.
            var period = block.Reaching(from, target);
            if (period >= 0)
            {
                return Utc(block.Starts[period] + (target - block.Before[period]));
            }

            target -= block.Total;
            block = Block(block.Index + 1);
            from = 0;
        }

        throw NoOpenings(start);
    }

    /// <summary>The open time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var (start, end) = (from.UtcTicks, to.UtcTicks);
        var block = BlockOf(start);
        var total = -block.OpenBefore(start);
        for (var scanned = 0; end >= block.EndTicks; scanned++)
        {
            if (scanned > MaxBlocksScanned)
            {
                throw NoOpenings(from);
            }

            total += block.Total;
            block = Block(block.Index + 1);
        }

        return TimeSpan.FromTicks(total + block.OpenBefore(end));
    }

    /// <summary>True when the local date has opening hours and is not a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) => !_holidays.Contains(date) && _week[(int)date.DayOfWeek].Length > 0;

    /// <summary>
    /// The close of business on the Nth business day after the day of receipt. A complaint received after the day's
    /// last closing, or on a day that is not a business day, counts as received on the next business day.
    /// </summary>
    public DateTimeOffset CloseOfBusinessDay(DateTimeOffset receivedAt, int businessDaysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDaysAfter);
        var day = LocalDate(receivedAt);
        if (!IsBusinessDay(day) || receivedAt >= CloseOf(day))
        {
            day = NextBusinessDay(day);
        }

        for (var i = 0; i < businessDaysAfter; i++)
        {
            day = NextBusinessDay(day);
        }

        return CloseOf(day);
    }

    /// <summary>The end of the local calendar day that is <paramref name="days"/> days after the day of <paramref name="instant"/>.</summary>
    public DateTimeOffset EndOfCalendarDay(DateTimeOffset instant, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return ToInstant(LocalDate(instant).AddDays(days + 1), TimeSpan.Zero, latest: true);
    }

    internal DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(_isUtc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    private DateOnly NextBusinessDay(DateOnly day)
    {
        for (var i = 0; i < MaxDaysScanned; i++)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"No business day within {MaxDaysScanned} days after {day}.");
    }

    private DateTimeOffset CloseOf(DateOnly day)
    {
        if (!_closes.TryGetValue(day, out var close))
        {
            var to = _week[(int)day.DayOfWeek][^1].To;
            close = to == TimeSpan.FromDays(1) ? ToInstant(day.AddDays(1), TimeSpan.Zero, latest: true) : ToInstant(day, to, latest: true);
            _closes[day] = close;
        }

        return close;
    }

    /// <summary>A local date and time of day as an instant; a skipped time moves forward by the gap.</summary>
    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay, bool latest)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        if (_zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local - _zone.GetUtcOffset(local.AddHours(-6)), TimeSpan.Zero);
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            var offset = latest ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local - offset, TimeSpan.Zero);
        }

        return new DateTimeOffset(local - _zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    private static InvalidOperationException NoOpenings(DateTimeOffset from) =>
        new($"The calendar has no opening hours within {MaxDaysScanned} days after {from:O}.");

    /// <summary>The block holding the instant: its UTC date's block, or a neighbour when local midnight falls the other side.</summary>
    private CalendarBlock BlockOf(long utcTicks)
    {
        if (_lastBlock is { } last && utcTicks >= last.StartTicks && utcTicks < last.EndTicks)
        {
            return last;
        }

        var block = Block((int)(utcTicks / TimeSpan.TicksPerDay / CalendarBlock.Days));
        block = utcTicks < block.StartTicks ? Block(block.Index - 1) : utcTicks >= block.EndTicks ? Block(block.Index + 1) : block;
        _lastBlock = block;
        return block;
    }

    private CalendarBlock Block(int index)
    {
        if (_blocks.TryGetValue(index, out var known))
        {
            return known;
        }

        // Blocks are small (about two months of periods); past a generous bound, start afresh rather than grow without limit.
        if (_blocks.Count > 4_096)
        {
            _blocks.Clear();
        }

        var first = DateOnly.FromDayNumber(index * CalendarBlock.Days);
        var starts = new List<long>(CalendarBlock.Days * 2);
        var ends = new List<long>(CalendarBlock.Days * 2);
        var firstOfDay = new int[CalendarBlock.Days + 1];
        var periods = new List<(DateTimeOffset Start, DateTimeOffset End)>(2);
        for (var day = 0; day < CalendarBlock.Days; day++)
        {
            firstOfDay[day] = starts.Count;
            periods.Clear();
            PeriodsOf(first.AddDays(day), periods);
            foreach (var (start, end) in periods)
            {
                starts.Add(start.UtcTicks);
                ends.Add(end.UtcTicks);
            }
        }

        firstOfDay[CalendarBlock.Days] = starts.Count;
        var block = new CalendarBlock(
            index, first, ToInstant(first, TimeSpan.Zero, latest: false).UtcTicks, ToInstant(first.AddDays(CalendarBlock.Days), TimeSpan.Zero, latest: false).UtcTicks, [.. starts], [.. ends], firstOfDay);
        return _blocks.GetOrAdd(index, block);
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>The open periods of one local date as instants, holidays and closures applied.</summary>
    private void PeriodsOf(DateOnly day, List<(DateTimeOffset Start, DateTimeOffset End)> periods)
    {
        if (_holidays.Contains(day))
        {
            return;
        }

        foreach (var (from, to) in _week[(int)day.DayOfWeek])
        {
            var start = ToInstant(day, from, latest: false);
            var end = to == TimeSpan.FromDays(1) ? ToInstant(day.AddDays(1), TimeSpan.Zero, latest: true) : ToInstant(day, to, latest: true);
            AddOpenParts(periods, start, end);
        }
    }

    /// <summary>Adds the parts of [start, end) that no one-off closure covers.</summary>
    private void AddOpenParts(List<(DateTimeOffset Start, DateTimeOffset End)> periods, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var (closedFrom, closedTo) in _closures)
        {
            if (closedTo <= start || closedFrom >= end)
            {
                continue;
            }

            if (closedFrom > start)
            {
                periods.Add((start, closedFrom));
            }

            start = closedTo;
            if (start >= end)
            {
                return;
            }
        }

        if (end > start)
        {
            periods.Add((start, end));
        }
    }
}
