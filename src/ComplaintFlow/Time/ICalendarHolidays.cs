using System.Globalization;
using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalCalendar = Ical.Net.Calendar;

namespace ComplaintFlow.Time;

/// <summary>Reads the dates of an iCalendar feed's all-day events within a range, recurrences expanded, with Ical.Net.</summary>
internal static class ICalendarHolidays
{
    /// <summary>
    /// Occurrences and dates read before the feed is refused: far more than any holiday feed holds over the calendar's
    /// three centuries, few enough that a runaway rule (every second, for years) is refused in a moment instead of hanging.
    /// </summary>
    public const int MaxOccurrences = 100_000;

    public static IReadOnlyCollection<DateOnly> Read(string icalendar, DateOnly from, DateOnly to)
    {
        SortedSet<DateOnly>? dates;
        try
        {
            var calendar = IcalCalendar.Load(icalendar) ?? throw new ArgumentException("The text holds no VCALENDAR; it is not an iCalendar feed.", nameof(icalendar));
            dates = DatesOf(calendar, from, to);
        }
        catch (Exception e) when (e is SerializationException or InvalidOperationException or FormatException or OverflowException or EvaluationException
            || (e is ArgumentException { ParamName: var name } && name != nameof(icalendar)))
        {
            // Ical.Net's own types and its internal parameter names mean nothing to the app: the feed is the argument at fault.
            var reason = e is ArgumentException { ParamName: { } inner } ? e.Message.Replace($" (Parameter '{inner}')", string.Empty, StringComparison.Ordinal) : e.Message;
            throw new ArgumentException($"The text is not a readable iCalendar feed: {reason}", nameof(icalendar), e);
        }

        return dates ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"The feed's events recur more than {MaxOccurrences:N0} times from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; a holiday feed holds whole-day events a few times a year."),
            nameof(icalendar));
    }

    /// <summary>The whole dates the feed's all-day events close, or <see langword="null"/> past <see cref="MaxOccurrences"/> occurrences and dates.</summary>
    private static SortedSet<DateOnly>? DatesOf(IcalCalendar calendar, DateOnly from, DateOnly to)
    {
        // Holidays are whole dates: timed events (a meeting in the feed) close nothing, so their rules are not expanded:
        // each gives its one first occurrence, which is skipped below. Their rules are cleared rather than the events
        // removed, because removal goes by UID and would take an all-day series with a timed override (RECURRENCE-ID)
        // of one of its dates with it; the override itself stays, and opens that date.
        foreach (var timed in calendar.Events.Where(e => e.DtStart is not { HasTime: false } && e.RecurrenceIdentifier is null))
        {
            timed.RecurrenceRule = null;
            timed.RecurrenceDates.Clear();
        }

        var dates = new SortedSet<DateOnly>();
        var end = new CalDateTime(to.AddDays(1));
        var read = 0;
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(from)).TakeWhileBefore(end))
        {
            if (++read > MaxOccurrences)
            {
                return null;
            }

            var start = occurrence.Period.StartTime;
            if (start.HasTime || occurrence.Source is CalendarEvent { IsActive: false })
            {
                continue;
            }

            // Only the dates in the range are walked, and each counts against the same limit: a century-long event
            // recurring daily must not walk millions of dates.
            var first = start.Date;
            var after = occurrence.Period.EffectiveEndTime?.Date ?? first.AddDays(1);
            var last = (after > first ? after : first.AddDays(1)).AddDays(-1);
            for (var date = first < from ? from : first; date <= last && date <= to; date = date.AddDays(1))
            {
                if (++read > MaxOccurrences)
                {
                    return null;
                }

                dates.Add(date);
            }
        }

        return dates;
    }
}
