namespace ComplaintFlow.Time;

/// <summary>
/// Describes when the business is open: an IANA time zone, opening intervals per weekday (several allowed), holidays
/// and one-off closures. Ship no country's holidays: the app supplies its own.
/// </summary>
public sealed class BusinessCalendarBuilder
{
    private readonly string _timeZoneId;
    private readonly List<(TimeOnly From, TimeOnly To)>[] _week = [.. Enumerable.Range(0, 7).Select(_ => new List<(TimeOnly, TimeOnly)>())];
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _closures = [];

    /// <summary>Starts a calendar in the given IANA time zone, for example <c>Europe/London</c>.</summary>
    /// <exception cref="ArgumentException">The time zone is unknown on this machine.</exception>
    public BusinessCalendarBuilder(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new ArgumentException($"Time zone '{timeZoneId}' is not known on this machine; use an IANA id such as 'Europe/London' (on Linux, install tzdata).", nameof(timeZoneId));
        }

        _timeZoneId = timeZoneId;
    }

    /// <summary>
    /// Adds an opening interval on a weekday, in local time. The interval includes <paramref name="from"/> and excludes
    /// <paramref name="to"/>; <c>to = 00:00</c> means midnight at the end of the day.
    /// </summary>
    /// <exception cref="ArgumentException">The interval is empty or overlaps another on the same day.</exception>
    public BusinessCalendarBuilder Open(DayOfWeek day, TimeOnly from, TimeOnly to)
    {
        var end = to == TimeOnly.MinValue ? TimeSpan.FromDays(1) : to.ToTimeSpan();
        if (end <= from.ToTimeSpan())
        {
            throw new ArgumentException($"The opening interval {from:HH\\:mm}-{to:HH\\:mm} on {day} is empty; 'to' must be after 'from' (00:00 means midnight).", nameof(to));
        }

        var intervals = _week[(int)day];
        foreach (var (f, t) in intervals)
        {
            var tEnd = t == TimeOnly.MinValue ? TimeSpan.FromDays(1) : t.ToTimeSpan();
            if (from.ToTimeSpan() < tEnd && f.ToTimeSpan() < end)
            {
                throw new ArgumentException($"The opening interval {from:HH\\:mm}-{to:HH\\:mm} on {day} overlaps {f:HH\\:mm}-{t:HH\\:mm}.", nameof(from));
            }
        }

        intervals.Add((from, to));
        intervals.Sort((a, b) => a.From.CompareTo(b.From));
        return this;
    }

    /// <summary>Adds the same opening interval Monday to Friday.</summary>
    public BusinessCalendarBuilder OpenWeekdays(TimeOnly from, TimeOnly to)
    {
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            Open(day, from, to);
        }

        return this;
    }

    /// <summary>Closes the whole local date.</summary>
    public BusinessCalendarBuilder Holiday(DateOnly date)
    {
        _holidays.Add(date);
        return this;
    }

    /// <summary>Closes each of the local dates.</summary>
    public BusinessCalendarBuilder Holidays(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var date in dates)
        {
            Holiday(date);
        }

        return this;
    }

    /// <summary>Closes the business for a one-off period (a system outage, an office move). The day still counts as a business day.</summary>
    public BusinessCalendarBuilder Closure(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The closure {from:O} to {to:O} is empty.", nameof(to));
        }

        _closures.Add((from, to));
        return this;
    }

    /// <summary>Builds the immutable calendar.</summary>
    /// <exception cref="InvalidOperationException">No day has any opening hours.</exception>
    public BusinessCalendar Build()
    {
        if (_week.All(d => d.Count == 0))
        {
            throw new InvalidOperationException("The calendar has no opening hours on any day; add at least one with Open or OpenWeekdays.");
        }

        return new BusinessCalendar(
            _timeZoneId,
            [.. _week.Select(d => d.Select(i => (i.From.ToTimeSpan(), i.To == TimeOnly.MinValue ? TimeSpan.FromDays(1) : i.To.ToTimeSpan())).ToArray())],
            [.. _holidays],
            [.. _closures.OrderBy(c => c.From)],
            alwaysOpen: false);
    }
}
