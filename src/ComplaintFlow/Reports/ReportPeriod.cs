namespace ComplaintFlow.Reports;

/// <summary>A reporting period: from <see cref="From"/> (included) to <see cref="To"/> (excluded).</summary>
public readonly record struct ReportPeriod
{
    /// <summary>Creates a period; <paramref name="to"/> must be after <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentException">The period is empty or reversed, or outside 1900 to 2199.</exception>
    public ReportPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The period {from:O} to {to:O} is empty or reversed; 'to' is excluded and must come after 'from'.", nameof(to));
        }

        if (from.Year < 1900 || to.Year > 2199)
        {
            throw new ArgumentException($"The period {from:O} to {to:O} lies outside 1900 to 2199.", nameof(from));
        }

        From = from;
        To = to;
    }

    /// <summary>The start, included.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The end, excluded.</summary>
    public DateTimeOffset To { get; }

    /// <summary>A local calendar month, from its first midnight in the zone to the next month's.</summary>
    public static ReportPeriod Month(int year, int month, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new ReportPeriod(Start(first, zone), Start(first.AddMonths(1), zone));
    }

    /// <summary>The half-year starting on the first of <paramref name="firstMonth"/> (for example a return's period).</summary>
    public static ReportPeriod HalfYear(int year, int firstMonth, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = new DateTime(year, firstMonth, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new ReportPeriod(Start(first, zone), Start(first.AddMonths(6), zone));
    }

    private static DateTimeOffset Start(DateTime local, TimeZoneInfo zone) => new(local - zone.GetUtcOffset(local), TimeSpan.Zero);
}
