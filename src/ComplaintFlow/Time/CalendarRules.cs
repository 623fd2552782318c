namespace ComplaintFlow.Time;

/// <summary>What a <see cref="BusinessCalendarBuilder"/> collected, checked, in the calendar's local time.</summary>
internal sealed record CalendarRules(
    string TimeZoneId,
    (TimeSpan From, TimeSpan To)[][] Week,
    IReadOnlyDictionary<DateOnly, (TimeSpan From, TimeSpan To)[]> DateHours,
    IReadOnlyDictionary<DateOnly, (TimeSpan From, TimeSpan To)[]> Breaks,
    IReadOnlyCollection<DateOnly> Holidays,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Closures);
