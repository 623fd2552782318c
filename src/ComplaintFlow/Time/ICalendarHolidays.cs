using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using IcalCalendar = Ical.Net.Calendar;

namespace ComplaintFlow.Time;

/// <summary>Reads the dates of an iCalendar feed's all-day events within a range, recurrences expanded, with Ical.Net.</summary>
internal static class ICalendarHolidays
{
    public static IReadOnlyCollection<DateOnly> Read(string icalendar, DateOnly from, DateOnly to)
    {
        IcalCalendar calendar;
        try
        {
            calendar = IcalCalendar.Load(icalendar) ?? throw new ArgumentException("The text holds no VCALENDAR; it is not an iCalendar feed.", nameof(icalendar));
        }
        catch (Exception e) when (e is SerializationException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"The text is not a readable iCalendar feed: {e.Message}", nameof(icalendar), e);
        }

        var dates = new SortedSet<DateOnly>();
        var end = new CalDateTime(to.AddDays(1));
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(from)).TakeWhileBefore(end))
        {
            // Holidays are whole dates: timed events (a meeting in the feed) and cancelled ones close nothing.
            var start = occurrence.Period.StartTime;
            if (start.HasTime || occurrence.Source is CalendarEvent { IsActive: false })
            {
                continue;
            }

            var first = start.Date;
            var after = occurrence.Period.EffectiveEndTime?.Date ?? first.AddDays(1);
            for (var date = first; date < (after > first ? after : first.AddDays(1)); date = date.AddDays(1))
            {
                if (date >= from && date <= to)
                {
                    dates.Add(date);
                }
            }
        }

        return dates;
    }
}
