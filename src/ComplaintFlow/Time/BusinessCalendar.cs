namespace ComplaintFlow.Time;

/// <summary>
/// When the business is open, and arithmetic in open time: questions about an instant or a date, adding and
/// subtracting business time or business days, measuring business time, and listing open periods and business dates.
/// Correct across daylight-saving changes: each local date's hours are converted with that date's offset. Immutable and
/// thread-safe; build one with <see cref="Create"/>.
/// </summary>
/// <remarks>
/// <para>The conventions, one set for every operation (docs/time-and-deadlines.md shows each with examples):</para>
/// <list type="bullet">
/// <item>An open period includes its start and excludes its end: at 17:00 a 09:00-17:00 day is closed.</item>
/// <item><b>Amounts end where they are used up.</b> Adding gives the earliest instant by which the amount has passed, so a
/// result exactly at a closing time is that closing time (17:00, not the next morning's 09:00: "due by the end of
/// Tuesday" reads as Tuesday). Subtracting gives the latest instant from which the amount remains, so a result exactly
/// at an opening time is that opening time.</item>
/// <item><b>Zero amounts</b>: adding zero gives the instant itself when open, otherwise the next opening (so also at a
/// closing time); subtracting zero gives the instant itself when open, otherwise the previous closing (so a closing time
/// gives itself).</item>
/// <item><b>Business days</b> keep the local time of day. A <i>business date</i> is a local date with at least one open
/// period, after its own hours, breaks, closures and holidays: a date given its own hours is a business date even on a
/// weekend, and a date whose hours a break or closure covers entirely is not. The shifted time is kept when it is open
/// or exactly a closing time; otherwise adding moves it to the next opening and subtracting back to the previous
/// closing.</item>
/// <item>A local time that a spring-forward change skips moves forward by the gap (02:30 becomes 03:30); a local time
/// that a fall-back change repeats opens at its first occurrence and closes at its second, so an interval across the
/// repeated hour keeps both copies; an end of day (24:00) is the next day's start: in a gap, the first instant after it,
/// and a repeated midnight, its first occurrence; an interval whose start resolves at or after its end on a change day
/// has no open time, and intervals that a change makes overlap are joined. Shifting by business days keeps an instant
/// on its own date as it is.</item>
/// <item>Holidays remove every period of their local date, the date's own hours included; breaks cut the day's periods
/// in local time (a break outside any hours changes nothing); one-off closures cut periods in UTC.</item>
/// </list>
/// <para>Instants and dates must lie between 1900 and 2199 (<see cref="ArgumentOutOfRangeException"/> otherwise).
/// Searches for an opening give up after ten years without one (<see cref="InvalidOperationException"/>).</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MaxDaysScanned = 3_700;
    private const int MaxBlocksScanned = MaxDaysScanned / CalendarBlock.Days;
    private static readonly DateOnly FirstDate = new(1900, 1, 1);
    private static readonly DateOnly LastDate = new(2199, 12, 31);
    private static readonly long FirstTicks = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly long LastTicks = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private readonly CalendarBlocks _blocks;

    internal BusinessCalendar(CalendarRules rules, bool alwaysOpen)
    {
        TimeZoneId = rules.TimeZoneId;
        IsAlwaysOpen = alwaysOpen;
        _blocks = new CalendarBlocks(rules);
    }

    /// <summary>Calendar time: open all day every day in UTC. Adding time is plain addition.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        new CalendarRules("Etc/UTC", [.. Enumerable.Range(0, 7).Select(_ => new[] { (TimeSpan.Zero, TimeSpan.FromDays(1)) })], new Dictionary<DateOnly, (TimeSpan, TimeSpan)[]>(), new Dictionary<DateOnly, (TimeSpan, TimeSpan)[]>(), [], []),
        alwaysOpen: true);

    /// <summary>Starts describing a calendar in an IANA time zone.</summary>
    public static BusinessCalendarBuilder Create(string timeZoneId) => new(timeZoneId);

    /// <summary>The IANA time zone the opening hours are in.</summary>
    public string TimeZoneId { get; }

    /// <summary>True for <see cref="AlwaysOpen"/>.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>The local date of an instant in the calendar's zone.</summary>
    internal DateOnly LocalDateOf(DateTimeOffset instant) => CheckedLocalDate(instant);

    /// <summary>Blocks of dates held in the calendar's cache, for tests of its bound.</summary>
    internal int CachedBlocks => _blocks.CachedBlocks;

    // ---- Questions -------------------------------------------------------------------------------------------------

    /// <summary>True when the business is open at the instant.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var ticks = Checked(instant);
        var block = _blocks.BlockOf(ticks);
        var period = block.FirstEndingAfter(ticks);
        return period < block.Starts.Length && block.Starts[period] <= ticks;
    }

    /// <summary>True when the instant's local date is a holiday.</summary>
    public bool IsHoliday(DateTimeOffset instant) => _blocks.IsHoliday(CheckedLocalDate(instant));

    /// <summary>True when the local date is a holiday.</summary>
    public bool IsHoliday(DateOnly date) => _blocks.IsHoliday(Checked(date));

    /// <summary>True when a break configured for the instant's local date covers it, whether or not hours are open then.</summary>
    public bool IsInBreak(DateTimeOffset instant) => _blocks.IsInBreak(ToCheckedInstant(instant));

    /// <summary>True when a one-off closure (see <see cref="BusinessCalendarBuilder.Closure"/>) covers the instant.</summary>
    public bool IsInClosure(DateTimeOffset instant) => _blocks.IsInClosure(ToCheckedInstant(instant));

    /// <summary>True when the local date is a business date: it has at least one open period (see the remarks).</summary>
    public bool IsBusinessDay(DateOnly date)
    {
        var block = _blocks.BlockOf(Checked(date));
        var day = date.DayNumber - block.FirstDate.DayNumber;
        return block.FirstPeriodOfDay[day + 1] > block.FirstPeriodOfDay[day];
    }

    // ---- Arithmetic ------------------------------------------------------------------------------------------------

    /// <summary>The instant itself when open, otherwise the start of the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => AddCore(instant, TimeSpan.Zero, nameof(instant), nameof(instant));

    /// <summary>The instant itself when open, otherwise the end of the previous opening (a closing time gives itself).</summary>
    public DateTimeOffset PreviousClosing(DateTimeOffset instant) => SubtractCore(instant, TimeSpan.Zero, nameof(instant), nameof(instant));

    /// <summary>
    /// The earliest instant by which <paramref name="businessTime"/> of open time has passed after <paramref name="start"/>.
    /// Time added from outside opening hours starts at the next opening; a result exactly at a closing time is that
    /// closing time.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime) => AddCore(start, businessTime, nameof(start), nameof(businessTime));

    // The names are the public caller's, so a refusal names the argument the caller gave (NextOpening has only an instant).
    private DateTimeOffset AddCore(DateTimeOffset start, TimeSpan businessTime, string startName, string amountName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero, amountName);
        var ticks = Checked(start, startName);
        if (IsAlwaysOpen)
        {
            return InRange(businessTime.Ticks <= LastTicks - ticks ? ticks + businessTime.Ticks : LastTicks, amountName);
        }

        var block = _blocks.BlockOf(ticks);
        var from = block.FirstEndingAfter(ticks);
        var target = block.OpenBefore(ticks) + businessTime.Ticks;

        // However much time is asked for, only a long run of blocks without an opening means the calendar has none.
        for (var barren = 0; barren <= MaxBlocksScanned; barren = block.Total == 0 ? barren + 1 : 0)
        {
            // The first period by whose end the target is reached: exactly at its end means that closing time.
            var period = block.Reaching(from, target);
            if (period >= 0)
            {
                return InRange(block.Starts[period] + (target - block.Before[period]), amountName);
            }

            target -= block.Total;
            block = _blocks.Block(block.Index + 1);
            from = 0;
            InRange(block.StartTicks, amountName);
        }

        throw NoOpenings(start, "after");
    }

    /// <summary>
    /// The latest instant from which <paramref name="businessTime"/> of open time passes by <paramref name="end"/>: the
    /// mirror of <see cref="Add"/>. Time subtracted from outside opening hours starts at the previous closing; a result
    /// exactly at an opening time is that opening time.
    /// </summary>
    public DateTimeOffset Subtract(DateTimeOffset end, TimeSpan businessTime) => SubtractCore(end, businessTime, nameof(end), nameof(businessTime));

    private DateTimeOffset SubtractCore(DateTimeOffset end, TimeSpan businessTime, string endName, string amountName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero, amountName);
        var ticks = Checked(end, endName);
        if (IsAlwaysOpen)
        {
            return InRange(businessTime.Ticks <= ticks - FirstTicks ? ticks - businessTime.Ticks : FirstTicks - 1, amountName);
        }

        var block = _blocks.BlockOf(ticks);
        var from = block.LastStartingBefore(ticks + 1);
        var target = block.OpenBefore(ticks) - businessTime.Ticks;
        for (var barren = 0; barren <= MaxBlocksScanned; barren = block.Total == 0 ? barren + 1 : 0)
        {
            // The last period from whose start the target remains: exactly at its start means that opening time.
            var period = block.ReachedFrom(from, target);
            if (period >= 0)
            {
                return InRange(block.Starts[period] + (target - block.Before[period]), amountName);
            }

            InRange(block.StartTicks - 1, amountName);
            block = _blocks.Block(block.Index - 1);
            target += block.Total;
            from = block.Starts.Length - 1;
        }

        throw NoOpenings(end, "before");
    }

    /// <summary>
    /// The same local time of day <paramref name="businessDays"/> business dates later (0: the instant's date when it is
    /// a business date, otherwise the next one); kept when open or exactly a closing time, otherwise the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset instant, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var (date, timeOfDay) = CheckedLocalDateAndTime(instant);
        var day = IsBusinessDay(date) ? date : NextBusinessDate(date, instant, nameof(instant));
        for (var i = 0; i < businessDays; i++)
        {
            day = NextBusinessDate(day, instant, nameof(businessDays));
        }

        // On the instant's own date the instant itself is the shifted time (in a repeated hour, not its first copy).
        var shifted = day == date ? instant : _blocks.ToInstant(day, timeOfDay, latest: false);
        return SubtractCore(shifted, TimeSpan.Zero, nameof(businessDays), nameof(businessDays)) == shifted ? shifted : AddCore(shifted, TimeSpan.Zero, nameof(businessDays), nameof(businessDays));
    }

    /// <summary>
    /// The same local time of day <paramref name="businessDays"/> business dates earlier (0: the instant's date when it
    /// is a business date, otherwise the previous one); kept when open, otherwise the previous closing.
    /// </summary>
    public DateTimeOffset SubtractBusinessDays(DateTimeOffset instant, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var (date, timeOfDay) = CheckedLocalDateAndTime(instant);
        var day = IsBusinessDay(date) ? date : PreviousBusinessDate(date, instant, nameof(instant));
        for (var i = 0; i < businessDays; i++)
        {
            day = PreviousBusinessDate(day, instant, nameof(businessDays));
        }

        return SubtractCore(day == date ? instant : _blocks.ToInstant(day, timeOfDay, latest: false), TimeSpan.Zero, nameof(businessDays), nameof(businessDays));
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

        var (start, end) = (Checked(from), Checked(to));
        var block = _blocks.BlockOf(start);
        var total = -block.OpenBefore(start);
        while (end >= block.EndTicks)
        {
            total += block.Total;
            block = _blocks.Block(block.Index + 1);
        }

        return TimeSpan.FromTicks(total + block.OpenBefore(end));
    }

    /// <summary>
    /// The close of business on the Nth business date after the day of receipt. A complaint received after the day's
    /// last closing, or on a date that is not a business date, counts as received on the next business date.
    /// </summary>
    public DateTimeOffset CloseOfBusinessDay(DateTimeOffset receivedAt, int businessDaysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDaysAfter);
        var day = CheckedLocalDate(receivedAt);
        if (!IsBusinessDay(day) || receivedAt.UtcTicks >= CloseOf(day))
        {
            day = NextBusinessDate(day, receivedAt, nameof(receivedAt));
        }

        for (var i = 0; i < businessDaysAfter; i++)
        {
            day = NextBusinessDate(day, receivedAt, nameof(businessDaysAfter));
        }

        return InRange(CloseOf(day), nameof(businessDaysAfter));
    }

    /// <summary>The end of the local calendar day that is <paramref name="days"/> days after the day of <paramref name="instant"/>.</summary>
    public DateTimeOffset EndOfCalendarDay(DateTimeOffset instant, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = CheckedLocalDate(instant);
        return days <= LastDate.DayNumber - date.DayNumber
            ? InRange(_blocks.ToInstant(date.AddDays(days + 1), TimeSpan.Zero, latest: false).UtcTicks, nameof(days))
            : throw OutOfRange(nameof(days));
    }

    // ---- Enumeration -----------------------------------------------------------------------------------------------

    /// <summary>
    /// The open periods from <paramref name="from"/> onwards, in time order, a period that holds it cut to start there.
    /// Lazy and endless unless limited: stops at <paramref name="until"/> (the last period cut to end there), once
    /// <paramref name="covering"/> of open time is listed (the last period cut to make it exact), or after ten years
    /// without an opening.
    /// </summary>
    public IEnumerable<BusinessPeriod> PeriodsAfter(DateTimeOffset from, DateTimeOffset? until = null, TimeSpan? covering = null)
    {
        var start = Checked(from);
        var stop = until is { } u ? Checked(u) : long.MaxValue;
        var left = Covering(covering);
        return Forward(start, stop, left);
    }

    /// <summary>
    /// The open periods before <paramref name="from"/>, newest first, a period that holds it cut to end there. Stops at
    /// <paramref name="until"/> (the last period cut to start there), once <paramref name="covering"/> of open time is
    /// listed, or after ten years without an opening.
    /// </summary>
    public IEnumerable<BusinessPeriod> PeriodsBefore(DateTimeOffset from, DateTimeOffset? until = null, TimeSpan? covering = null)
    {
        var end = Checked(from);
        var stop = until is { } u ? Checked(u) : long.MinValue;
        var left = Covering(covering);
        return Backward(end, stop, left);
    }

    /// <summary>The open periods of a local date, in time order.</summary>
    public IReadOnlyList<BusinessPeriod> PeriodsOn(DateOnly date)
    {
        var block = _blocks.BlockOf(Checked(date));
        var day = date.DayNumber - block.FirstDate.DayNumber;
        var periods = new BusinessPeriod[block.FirstPeriodOfDay[day + 1] - block.FirstPeriodOfDay[day]];
        for (var i = 0; i < periods.Length; i++)
        {
            var p = block.FirstPeriodOfDay[day] + i;
            periods[i] = new BusinessPeriod(Utc(block.Starts[p]), Utc(block.Ends[p]));
        }

        return periods;
    }

    /// <summary>The business dates after <paramref name="date"/> (not including it), in order; lazy, until 2199.</summary>
    public IEnumerable<DateOnly> BusinessDatesAfter(DateOnly date)
    {
        Checked(date);
        return Dates(date, +1);
    }

    /// <summary>The business dates before <paramref name="date"/> (not including it), newest first; lazy, back to 1900.</summary>
    public IEnumerable<DateOnly> BusinessDatesBefore(DateOnly date)
    {
        Checked(date);
        return Dates(date, -1);
    }

    // ---- Internals -------------------------------------------------------------------------------------------------

    /// <summary>The end of the local date's last open period, in UTC ticks; the date must be a business date.</summary>
    private long CloseOf(DateOnly date)
    {
        var block = _blocks.BlockOf(date);
        var day = date.DayNumber - block.FirstDate.DayNumber;
        return block.Ends[block.FirstPeriodOfDay[day + 1] - 1];
    }

    private DateOnly NextBusinessDate(DateOnly date, DateTimeOffset from, string name) => StepToBusinessDate(date, +1, from, name);

    private DateOnly PreviousBusinessDate(DateOnly date, DateTimeOffset from, string name) => StepToBusinessDate(date, -1, from, name);

    /// <summary>The nearest business date after (or before) the date, walking the blocks' day index rather than asking date by date.</summary>
    private DateOnly StepToBusinessDate(DateOnly date, int step, DateTimeOffset from, string name)
    {
        var block = _blocks.BlockOf(date);
        var day = date.DayNumber - block.FirstDate.DayNumber;
        for (var i = 0; i < MaxDaysScanned; i++)
        {
            day += step;
            if (day is < 0 or >= CalendarBlock.Days)
            {
                block = _blocks.Block(block.Index + step);
                day = step > 0 ? 0 : CalendarBlock.Days - 1;
            }

            if (block.FirstPeriodOfDay[day + 1] > block.FirstPeriodOfDay[day])
            {
                var found = block.FirstDate.AddDays(day);
                return found >= FirstDate && found <= LastDate ? found : throw OutOfRange(name);
            }
        }

        throw NoOpenings(from, step > 0 ? "after" : "before");
    }

    private IEnumerable<DateOnly> Dates(DateOnly date, int step)
    {
        for (var day = date.AddDays(step); day >= FirstDate && day <= LastDate; day = day.AddDays(step))
        {
            if (IsBusinessDay(day))
            {
                yield return day;
            }
        }
    }

    private IEnumerable<BusinessPeriod> Forward(long start, long stop, long left)
    {
        var block = _blocks.BlockOf(start);
        var barren = 0;
        for (var p = block.FirstEndingAfter(start); start < stop && left > 0; p++)
        {
            if (p >= block.Starts.Length)
            {
                if (block.EndTicks >= LastTicks || ++barren > MaxBlocksScanned)
                {
                    yield break;
                }

                block = _blocks.Block(block.Index + 1);
                p = -1;
                continue;
            }

            barren = 0;
            var from = Math.Max(block.Starts[p], start);
            var to = Math.Min(Math.Min(Math.Min(block.Ends[p], stop), LastTicks), left == long.MaxValue ? long.MaxValue : from + left);
            if (from >= to)
            {
                yield break;
            }

            left = left == long.MaxValue ? left : left - (to - from);
            start = to;
            yield return new BusinessPeriod(Utc(from), Utc(to));
        }
    }

    private IEnumerable<BusinessPeriod> Backward(long end, long stop, long left)
    {
        var block = _blocks.BlockOf(end);
        var barren = 0;
        for (var p = block.LastStartingBefore(end); end > stop && left > 0; p--)
        {
            if (p < 0)
            {
                if (block.StartTicks <= FirstTicks || ++barren > MaxBlocksScanned)
                {
                    yield break;
                }

                block = _blocks.Block(block.Index - 1);
                p = block.Starts.Length;
                continue;
            }

            barren = 0;
            var to = Math.Min(block.Ends[p], end);
            var from = Math.Max(Math.Max(Math.Max(block.Starts[p], stop), FirstTicks), left == long.MaxValue ? long.MinValue : to - left);
            if (from >= to)
            {
                yield break;
            }

            left = left == long.MaxValue ? left : left - (to - from);
            end = from;
            yield return new BusinessPeriod(Utc(from), Utc(to));
        }
    }

    private static long Covering(TimeSpan? covering)
    {
        if (covering is not { } amount)
        {
            return long.MaxValue;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero, nameof(covering));
        return amount.Ticks;
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>An answer within the calendar's range, or a refusal naming the argument that carried it past an end.</summary>
    private static DateTimeOffset InRange(long ticks, string name) => ticks >= FirstTicks && ticks < LastTicks ? Utc(ticks) : throw OutOfRange(name);

    private static ArgumentOutOfRangeException OutOfRange(string name) =>
        new(name, "The answer would fall outside the years a business calendar answers for, 1900 to 2199.");

    private static long Checked(DateTimeOffset instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? name = null)
    {
        var ticks = instant.UtcTicks;
        return ticks >= FirstTicks && ticks < LastTicks
            ? ticks
            : throw new ArgumentOutOfRangeException(name, instant, "A business calendar answers for instants from 1900 to 2199.");
    }

    private static DateTimeOffset ToCheckedInstant(DateTimeOffset instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? name = null)
    {
        Checked(instant, name);
        return instant;
    }

    /// <summary>
    /// The instant's local date, refused naming the caller's argument when it lies outside the dates the calendar
    /// answers for: the instant check is in UTC, and midnight UTC on 1 January 1900 is still 1899 west of UTC.
    /// </summary>
    private DateOnly CheckedLocalDate(DateTimeOffset instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? name = null) =>
        CheckedLocalDateAndTime(instant, name).Date;

    private (DateOnly Date, TimeSpan TimeOfDay) CheckedLocalDateAndTime(DateTimeOffset instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? name = null)
    {
        var local = _blocks.LocalDateAndTime(ToCheckedInstant(instant, name));
        return local.Date >= FirstDate && local.Date <= LastDate
            ? local
            : throw new ArgumentOutOfRangeException(name, instant, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A business calendar answers for dates from 1900 to 2199, and this instant is on {local.Date:yyyy-MM-dd} in {TimeZoneId}."));
    }

    private static DateOnly Checked(DateOnly date, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(date))] string? name = null) =>
        date >= FirstDate && date <= LastDate ? date : throw new ArgumentOutOfRangeException(name, date, "A business calendar answers for dates from 1900 to 2199.");

    private static InvalidOperationException NoOpenings(DateTimeOffset from, string direction) =>
        new($"The calendar has no opening hours within {MaxDaysScanned} days {direction} {from:O}.");
}
