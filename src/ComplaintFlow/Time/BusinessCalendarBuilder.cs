using System.Globalization;

namespace ComplaintFlow.Time;

/// <summary>
/// Describes a <see cref="BusinessCalendar"/>: opening hours per weekday (several intervals a day), hours for given
/// dates that replace their weekday's, breaks on given dates, holidays (by date or from an iCalendar feed) and one-off
/// closures. Every time of day is local to the calendar's zone; 00:00 as an end means midnight at the end of the day.
/// Each method checks what it is given and throws an <see cref="ArgumentException"/> that names the problem.
/// </summary>
public sealed class BusinessCalendarBuilder
{
    private static readonly DateOnly FirstDate = new(1900, 1, 1);
    private static readonly DateOnly LastDate = new(2199, 12, 31);

    private readonly string _timeZoneId;
    private readonly List<(TimeSpan From, TimeSpan To)>[] _week = [.. Enumerable.Range(0, 7).Select(_ => new List<(TimeSpan, TimeSpan)>())];
    private readonly Dictionary<DateOnly, List<(TimeSpan From, TimeSpan To)>> _dateHours = [];
    private readonly Dictionary<DateOnly, List<(TimeSpan From, TimeSpan To)>> _breaks = [];
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _closures = [];

    /// <summary>Starts a calendar in an IANA time zone (for example <c>Europe/London</c>).</summary>
    /// <exception cref="ArgumentException">The zone is blank or not known on this machine.</exception>
    public BusinessCalendarBuilder(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new ArgumentException($"Time zone '{timeZoneId}' is not known on this machine; use an IANA id such as 'Europe/London' (on Linux, install tzdata).", nameof(timeZoneId));
        }

        _timeZoneId = timeZoneId;
    }

    /// <summary>Opens a weekday for one interval, beside any others that day; intervals may not overlap.</summary>
    public BusinessCalendarBuilder Open(DayOfWeek day, TimeOnly from, TimeOnly to)
    {
        AddInterval(_week[(int)Checked(day)], from, to, day.ToString());
        return this;
    }

    /// <summary>Opens Monday to Friday for one interval.</summary>
    public BusinessCalendarBuilder OpenWeekdays(TimeOnly from, TimeOnly to)
    {
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            Open(day, from, to);
        }

        return this;
    }

    /// <summary>Opens a weekday for several intervals at once; the list may not be empty (leave a closed day out).</summary>
    public BusinessCalendarBuilder Open(DayOfWeek day, IEnumerable<(TimeOnly From, TimeOnly To)> intervals)
    {
        foreach (var (from, to) in NotEmpty(intervals, $"{day}'s list of intervals is empty; leave a closed weekday out instead of giving it no hours."))
        {
            Open(day, from, to);
        }

        return this;
    }

    /// <summary>
    /// Gives a local date its own hours, which replace its weekday's (for example 09:00-13:00 on Christmas Eve, or a
    /// Saturday opened for a sale). Call it again for a second interval. The date then counts as a business date. A
    /// holiday on the same date still closes it.
    /// </summary>
    public BusinessCalendarBuilder OpenOn(DateOnly date, TimeOnly from, TimeOnly to)
    {
        if (!_dateHours.TryGetValue(Checked(date), out var intervals))
        {
            _dateHours[date] = intervals = [];
        }

        AddInterval(intervals, from, to, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Gives a local date several intervals of its own hours at once; the list may not be empty (use <see cref="Holiday"/> to close a date).</summary>
    public BusinessCalendarBuilder OpenOn(DateOnly date, IEnumerable<(TimeOnly From, TimeOnly To)> intervals)
    {
        foreach (var (from, to) in NotEmpty(intervals, string.Create(CultureInfo.InvariantCulture, $"the list of intervals for {date:yyyy-MM-dd} is empty; use Holiday to close a date.")))
        {
            OpenOn(date, from, to);
        }

        return this;
    }

    /// <summary>
    /// Closes part of a local date (a staff meeting, 12:00-13:00 on 3 March), splitting its periods. Breaks may overlap
    /// each other; a break outside the date's hours is allowed and changes nothing.
    /// </summary>
    public BusinessCalendarBuilder Break(DateOnly date, TimeOnly from, TimeOnly to)
    {
        var (start, end) = Interval(from, to, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "break");
        if (!_breaks.TryGetValue(Checked(date), out var breaks))
        {
            _breaks[date] = breaks = [];
        }

        breaks.Add((start, end));
        return this;
    }

    /// <summary>Closes a whole local date, its own hours included.</summary>
    public BusinessCalendarBuilder Holiday(DateOnly date)
    {
        _holidays.Add(Checked(date));
        return this;
    }

    /// <summary>Closes several whole local dates.</summary>
    public BusinessCalendarBuilder Holidays(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var date in dates)
        {
            Holiday(date);
        }

        return this;
    }

    /// <summary>
    /// Adds the all-day events of an iCalendar (RFC 5545) feed as holidays, such as a government's bank-holiday
    /// <c>.ics</c>: recurring events are expanded, multi-day events close each of their dates, cancelled events and
    /// timed events are left out. Only dates from <paramref name="from"/> to <paramref name="to"/> (both included) are
    /// taken, so a yearly rule stays finite.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an iCalendar, or the range is reversed or out of range.</exception>
    public BusinessCalendarBuilder HolidaysFromICalendar(string icalendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(icalendar);
        if (to < Checked(from))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is reversed."), nameof(to));
        }

        return Holidays(ICalendarHolidays.Read(icalendar, from, Checked(to)));
    }

    /// <summary>Closes the business for a one-off stretch of time (an outage, a company event), in UTC instants.</summary>
    public BusinessCalendarBuilder Closure(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The closure {from:O} to {to:O} is empty.", nameof(to));
        }

        _closures.Add((from, to));
        return this;
    }

    /// <summary>Builds the calendar.</summary>
    /// <exception cref="InvalidOperationException">No weekday has hours.</exception>
    public BusinessCalendar Build()
    {
        if (_week.All(d => d.Count == 0))
        {
            throw new InvalidOperationException("The calendar has no opening hours on any day; add at least one with Open or OpenWeekdays.");
        }

        return new BusinessCalendar(
            new CalendarRules(
                _timeZoneId,
                [.. _week.Select(d => d.OrderBy(i => i.From).ToArray())],
                _dateHours.ToDictionary(d => d.Key, d => d.Value.OrderBy(i => i.From).ToArray()),
                _breaks.ToDictionary(d => d.Key, d => d.Value.OrderBy(i => i.From).ToArray()),
                [.. _holidays],
                [.. _closures.OrderBy(c => c.From)]),
            alwaysOpen: false);
    }

    private static void AddInterval(List<(TimeSpan From, TimeSpan To)> intervals, TimeOnly from, TimeOnly to, string on)
    {
        var (start, end) = Interval(from, to, on, "opening interval");
        foreach (var (f, t) in intervals)
        {
            if (start < t && f < end)
            {
                throw new ArgumentException($"The opening interval {Text(start)}-{Text(end)} on {on} overlaps {Text(f)}-{Text(t)}.", nameof(from));
            }
        }

        intervals.Add((start, end));
    }

    private static (TimeSpan Start, TimeSpan End) Interval(TimeOnly from, TimeOnly to, string on, string what)
    {
        var end = to == TimeOnly.MinValue ? TimeSpan.FromDays(1) : to.ToTimeSpan();
        return end > from.ToTimeSpan()
            ? (from.ToTimeSpan(), end)
            : throw new ArgumentException($"The {what} {Text(from.ToTimeSpan())}-{Text(end)} on {on} is empty; 'to' must be after 'from' (00:00 means midnight).", nameof(to));
    }

    private static List<(TimeOnly From, TimeOnly To)> NotEmpty(IEnumerable<(TimeOnly From, TimeOnly To)> intervals, string message)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var list = intervals.ToList();
        return list.Count > 0 ? list : throw new ArgumentException(message, nameof(intervals));
    }

    // Named by the caller's argument (a range's 'from' or 'to'), not by these helpers' own parameters.
    private static DayOfWeek Checked(DayOfWeek day, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(day))] string? name = null) =>
        Enum.IsDefined(day) ? day : throw new ArgumentOutOfRangeException(name, day, "Not a day of the week.");

    private static DateOnly Checked(DateOnly date, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(date))] string? name = null) =>
        date >= FirstDate && date <= LastDate ? date : throw new ArgumentOutOfRangeException(name, date, "Calendar dates must lie between 1900 and 2199.");

    private static string Text(TimeSpan time) => time == TimeSpan.FromDays(1) ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
