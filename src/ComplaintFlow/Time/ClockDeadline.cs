using System.Globalization;

namespace ComplaintFlow.Time;

/// <summary>How a clock's due time is worked out from its start.</summary>
public abstract record ClockDeadline
{
    private protected ClockDeadline()
    {
    }

    /// <summary>This much open time on the business calendar, for example 16 business hours.</summary>
    public static ClockDeadline BusinessTime(TimeSpan time) => new BusinessTimeDeadline(Positive(time));

    /// <summary>This much elapsed time, nights and weekends included.</summary>
    public static ClockDeadline CalendarTime(TimeSpan time) => new CalendarTimeDeadline(Positive(time));

    /// <summary>Close of business on the Nth business day after the day the clock starts (see <see cref="BusinessCalendar.CloseOfBusinessDay"/>).</summary>
    public static ClockDeadline EndOfBusinessDay(int businessDays) => new EndOfBusinessDayDeadline(NotNegative(businessDays));

    /// <summary>The end of the local calendar day N days after the day the clock starts, for rules such as "within 30 calendar days".</summary>
    public static ClockDeadline EndOfCalendarDay(int days) => new EndOfCalendarDayDeadline(NotNegative(days));

    /// <summary>True when the deadline counts business time, so pauses and warnings are measured on the business calendar.</summary>
    public abstract bool CountsBusinessTime { get; }

    internal abstract DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar);

    // Longer than any complaint rule asks for, so a deadline beyond it is a mistake in the configuration: refused where it
    // is made, at start-up, instead of failing every case that opens (or answering past the calendar's 2199).
    internal const int MaxDays = 3_660;

    private static TimeSpan Positive(TimeSpan time) =>
        time <= TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(time), time, "A clock's deadline must be positive.")
        : time > TimeSpan.FromDays(MaxDays) ? throw new ArgumentOutOfRangeException(nameof(time), time, $"A clock's deadline may be at most ten years ({MaxDays} days).")
        : time;

    private static int NotNegative(int days) =>
        days < 0 ? throw new ArgumentOutOfRangeException(nameof(days), days, "A clock's deadline cannot be a negative number of days.")
        : days > MaxDays ? throw new ArgumentOutOfRangeException(nameof(days), days, $"A clock's deadline may be at most ten years ({MaxDays} days).")
        : days;

    private sealed record BusinessTimeDeadline(TimeSpan Time) : ClockDeadline
    {
        public override bool CountsBusinessTime => true;

        internal override DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar) => calendar.Add(start, Time);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Time.TotalHours:0.##} business hours");
    }

    private sealed record CalendarTimeDeadline(TimeSpan Time) : ClockDeadline
    {
        public override bool CountsBusinessTime => false;

        internal override DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar) => start + Time;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Time.TotalHours:0.##} hours");
    }

    private sealed record EndOfBusinessDayDeadline(int Days) : ClockDeadline
    {
        public override bool CountsBusinessTime => true;

        internal override DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar) => calendar.CloseOfBusinessDay(start, Days);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"close of business day {Days}");
    }

    private sealed record EndOfCalendarDayDeadline(int Days) : ClockDeadline
    {
        public override bool CountsBusinessTime => false;

        internal override DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar) => calendar.EndOfCalendarDay(start, Days);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"end of calendar day {Days}");
    }
}
