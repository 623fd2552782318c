using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ComplaintFlow.Time;

/// <summary>
/// Turns a calendar's rules (weekly hours, hours for given dates, breaks, holidays, one-off closures, all in the
/// calendar's time zone) into open periods in UTC, a block of <see cref="CalendarBlock.Days"/> local dates at a time,
/// and keeps the blocks it built in a bounded cache. Thread-safe: blocks are immutable, and a block built twice by two
/// threads is the same block.
/// </summary>
internal sealed class CalendarBlocks
{
    /// <summary>Blocks kept before the cache starts afresh: 512 blocks are about 90 years of dates, a few MB at most.</summary>
    public const int MaxCachedBlocks = 512;

    private static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    private readonly TimeZoneInfo _zone;
    private readonly bool _isUtc;
    private readonly (TimeSpan From, TimeSpan To)[][] _week;
    private readonly FrozenDictionary<DateOnly, (TimeSpan From, TimeSpan To)[]> _dateHours;
    private readonly FrozenDictionary<DateOnly, (TimeSpan From, TimeSpan To)[]> _breaks;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly (long From, long To)[] _closures;
    private readonly ConcurrentDictionary<int, CalendarBlock> _cache = new();

    // The block last used: deadlines of one period fall in one block, so most lookups skip the dictionary. A torn race
    // between threads only costs a dictionary lookup.
    private CalendarBlock? _last;

    public CalendarBlocks(CalendarRules rules)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZoneId);
        _isUtc = _zone.BaseUtcOffset == TimeSpan.Zero && !_zone.SupportsDaylightSavingTime;
        _week = rules.Week;
        _dateHours = rules.DateHours.ToFrozenDictionary();
        _breaks = rules.Breaks.ToFrozenDictionary();
        _holidays = rules.Holidays.ToFrozenSet();
        _closures = [.. rules.Closures.Select(c => (c.From.UtcTicks, c.To.UtcTicks)).OrderBy(c => c.Item1)];
    }

    /// <summary>How many blocks are cached now; never more than <see cref="MaxCachedBlocks"/> plus the threads building one.</summary>
    public int CachedBlocks => _cache.Count;

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool HasDateHours(DateOnly date) => _dateHours.ContainsKey(date);

    /// <summary>True when a break configured for the instant's local date covers it (whatever the hours).</summary>
    public bool IsInBreak(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        if (!_breaks.TryGetValue(date, out var breaks))
        {
            return false;
        }

        var ticks = instant.UtcTicks;
        foreach (var (from, to) in breaks)
        {
            if (ticks >= Start(date, from).UtcTicks && ticks < End(date, to).UtcTicks)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsInClosure(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        foreach (var (from, to) in _closures)
        {
            if (ticks >= from && ticks < to)
            {
                return true;
            }
        }

        return false;
    }

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(_isUtc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    public (DateOnly Date, TimeSpan TimeOfDay) LocalDateAndTime(DateTimeOffset instant)
    {
        var local = _isUtc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        return (DateOnly.FromDateTime(local), local.TimeOfDay);
    }

    /// <summary>
    /// A local date and time of day as an instant. A time a spring-forward change skips moves forward by the gap; a
    /// time a fall-back change repeats is its first occurrence, or its second when <paramref name="latest"/>.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay, bool latest)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        if (_isUtc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (_zone.IsInvalidTime(local))
        {
            // The offset in force before the gap: the wall clock reads the skipped time that much later in UTC.
            return new DateTimeOffset(local - _zone.GetUtcOffset(local.AddHours(-6)), TimeSpan.Zero);
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local - (latest ? offsets.Min() : offsets.Max()), TimeSpan.Zero);
        }

        return new DateTimeOffset(local - _zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    /// <summary>The block holding the instant: its UTC date's block, or a neighbour when local midnight falls the other side.</summary>
    public CalendarBlock BlockOf(long utcTicks)
    {
        if (_last is { } last && utcTicks >= last.StartTicks && utcTicks < last.EndTicks)
        {
            return last;
        }

        var block = Block((int)(utcTicks / TimeSpan.TicksPerDay / CalendarBlock.Days));
        block = utcTicks < block.StartTicks ? Block(block.Index - 1) : utcTicks >= block.EndTicks ? Block(block.Index + 1) : block;
        _last = block;
        return block;
    }

    /// <summary>The block holding the local date.</summary>
    public CalendarBlock BlockOf(DateOnly date)
    {
        var index = date.DayNumber / CalendarBlock.Days;
        if (_last is { } last && last.Index == index)
        {
            return last;
        }

        return _last = Block(index);
    }

    public CalendarBlock Block(int index)
    {
        if (_cache.TryGetValue(index, out var known))
        {
            return known;
        }

        // Past the bound, start afresh rather than grow without limit; rebuilding a block costs microseconds.
        if (_cache.Count >= MaxCachedBlocks)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(index, Build(index));
    }

    private CalendarBlock Build(int index)
    {
        var first = DateOnly.FromDayNumber(index * CalendarBlock.Days);
        var starts = new List<long>(CalendarBlock.Days * 2);
        var ends = new List<long>(CalendarBlock.Days * 2);
        var firstOfDay = new int[CalendarBlock.Days + 1];
        for (var day = 0; day < CalendarBlock.Days; day++)
        {
            firstOfDay[day] = starts.Count;
            AddPeriods(first.AddDays(day), starts, ends);
        }

        firstOfDay[CalendarBlock.Days] = starts.Count;
        return new CalendarBlock(
            index, first, Start(first, TimeSpan.Zero).UtcTicks, Start(first.AddDays(CalendarBlock.Days), TimeSpan.Zero).UtcTicks, [.. starts], [.. ends], firstOfDay);
    }

    /// <summary>
    /// The open periods of one local date, in time order: the date's own hours or its weekday's, less its breaks and any
    /// one-off closure; none on a holiday. An interval whose start resolves at or after its end on a clock-change day is
    /// dropped, and pieces that touch are joined.
    /// </summary>
    private void AddPeriods(DateOnly day, List<long> starts, List<long> ends)
    {
        if (_holidays.Contains(day))
        {
            return;
        }

        var dayFirst = starts.Count;
        var hours = _dateHours.TryGetValue(day, out var own) ? own : _week[(int)day.DayOfWeek];
        _breaks.TryGetValue(day, out var breaks);
        foreach (var (from, to) in hours)
        {
            var start = Start(day, from).UtcTicks;
            var end = End(day, to).UtcTicks;
            if (end <= start)
            {
                continue;
            }

            // Breaks and closures are cut out in time order; what remains of the interval is added piece by piece.
            foreach (var (cutFrom, cutTo) in Cuts(day, breaks, start, end))
            {
                if (cutFrom > start)
                {
                    Append(starts, ends, dayFirst, start, cutFrom);
                }

                start = Math.Max(start, cutTo);
                if (start >= end)
                {
                    break;
                }
            }

            if (end > start)
            {
                Append(starts, ends, dayFirst, start, end);
            }
        }
    }

    private List<(long From, long To)> Cuts(DateOnly day, (TimeSpan From, TimeSpan To)[]? breaks, long start, long end)
    {
        var cuts = new List<(long, long)>();
        foreach (var (from, to) in breaks ?? [])
        {
            var cutFrom = Start(day, from).UtcTicks;
            var cutTo = End(day, to).UtcTicks;
            if (cutTo > start && cutFrom < end && cutTo > cutFrom)
            {
                cuts.Add((cutFrom, cutTo));
            }
        }

        foreach (var (from, to) in _closures)
        {
            if (to > start && from < end)
            {
                cuts.Add((from, to));
            }
        }

        cuts.Sort();
        return cuts;
    }

    /// <summary>
    /// Adds a period, joined to the day's previous one when they touch or overlap (two intervals 09-12 and 12-17 are one
    /// period; an interval whose end a spring-forward gap pushed past the next one's start overlaps it). Periods stay
    /// disjoint and in time order, which the searches rely on.
    /// </summary>
    private static void Append(List<long> starts, List<long> ends, int dayFirst, long start, long end)
    {
        if (ends.Count > 0 && start <= ends[^1])
        {
            if (ends.Count > dayFirst)
            {
                ends[^1] = Math.Max(ends[^1], end);
                return;
            }

            // The previous date's last period reaches into this one (a repeated hour at midnight): start after it.
            start = Math.Max(start, ends[^1]);
            if (start >= end)
            {
                return;
            }
        }

        starts.Add(start);
        ends.Add(end);
    }

    private DateTimeOffset Start(DateOnly day, TimeSpan from) => ToInstant(day, from, latest: false);

    // An end of day is the next day's start, so a midnight that a fall-back change repeats is not counted twice.
    private DateTimeOffset End(DateOnly day, TimeSpan to) =>
        to == EndOfDay ? ToInstant(day.AddDays(1), TimeSpan.Zero, latest: false) : ToInstant(day, to, latest: true);
}
