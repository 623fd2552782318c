namespace ComplaintFlow.Reports;

/// <summary>A reporting period: from <see cref="From"/> (included) to <see cref="To"/> (excluded).</summary>
public readonly record struct ReportPeriod
{
    /// <summary>The first year a period may start in.</summary>
    public const int FirstYear = 1900;

    /// <summary>
    /// The last year a period's end may fall in. The end is excluded, so the last period a report can cover ends within
    /// 2199 (a month or half-year ending at 2200's first instant UTC or later is refused; years are read from UTC instants).
    /// </summary>
    public const int LastYear = 2199;

    /// <summary>Creates a period; <paramref name="to"/> must be after <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentException">The period is empty or reversed, or outside <see cref="FirstYear"/> to <see cref="LastYear"/>.</exception>
    public ReportPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (Refusal(from, to) is { } refused)
        {
            throw new ArgumentException(refused.Problem, refused.End);
        }

        From = from;
        To = to;
    }

    /// <summary>
    /// Why two instants make no period, naming the end at fault, or <see langword="null"/> when they make one: the
    /// constructor's rule, also read by the web's query parameters so they refuse exactly what the constructor would.
    /// </summary>
    internal static (string End, string Problem)? Refusal(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return (nameof(to), $"The period {from:O} to {to:O} is empty or reversed; 'to' is excluded and must come after 'from'.");
        }

        // In UTC, as the queries compare instants: the year an end was written in at its own offset can differ.
        var (fromYear, toYear) = (from.UtcDateTime.Year, to.UtcDateTime.Year);
        return fromYear < FirstYear || toYear > LastYear
            ? (fromYear < FirstYear ? nameof(from) : nameof(to), $"The period {from:O} to {to:O} lies outside {FirstYear} to {LastYear} (in UTC).")
            : null;
    }

    /// <summary>The start, included.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The end, excluded.</summary>
    public DateTimeOffset To { get; }

    /// <summary>A local calendar month, from its first midnight in the zone to the next month's.</summary>
    public static ReportPeriod Month(int year, int month, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Months(year, month, 1, zone, nameof(year), nameof(month));
    }

    /// <summary>The half-year starting on the first of <paramref name="firstMonth"/> (for example a return's period).</summary>
    public static ReportPeriod HalfYear(int year, int firstMonth, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Months(year, firstMonth, 6, zone, nameof(year), nameof(firstMonth));
    }

    // Refusals name the caller's arguments: a month 13 or a year 0 was DateTime's own error naming no parameter, and a
    // period reaching past 2199 (or, through the zone's offset, before 1900) blamed 'from' or 'to', which these do not take.
    private static ReportPeriod Months(int year, int month, int months, TimeZoneInfo zone, string yearName, string monthName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1, monthName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12, monthName);
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(yearName, year, $"A report covers {FirstYear} to {LastYear}.");
        }

        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        try
        {
            return new ReportPeriod(Start(first, zone), Start(first.AddMonths(months), zone));
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentOutOfRangeException(yearName, year, $"{exception.Message} The period's start and end, as UTC instants, must lie within {FirstYear} to {LastYear}.");
        }
    }

    // A midnight that happens twice (clocks going back at midnight, as in Havana) starts the day at its first
    // occurrence, the larger of its two offsets; a single midnight has one offset.
    private static DateTimeOffset Start(DateTime local, TimeZoneInfo zone) =>
        new(local - (zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local)), TimeSpan.Zero);
}
