// The C# blocks of docs/time-and-deadlines.md, compiled. DocsCodeBlockTests checks that every line of every block
// appears here, in order; change the two together.
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class TimeAndDeadlinesSnippets
{
#pragma warning disable CA1806 // The guide shows each call on its own; the results do not matter here.
    public static void Calendar(IEnumerable<DateOnly> bankHolidays, string bankHolidayFeed, DateTimeOffset outageStart, DateTimeOffset outageEnd)
    {
        var london = BusinessCalendar.Create("Europe/London")
            .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
            .Open(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(13, 0))
            .OpenOn(new DateOnly(2026, 12, 24), new TimeOnly(9, 0), new TimeOnly(13, 0))   // a date's own hours
            .Break(new DateOnly(2026, 3, 3), new TimeOnly(12, 0), new TimeOnly(13, 0))     // a break on one date
            .Holidays(bankHolidays)                                                        // whole dates
            .HolidaysFromICalendar(bankHolidayFeed, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31))
            .Closure(outageStart, outageEnd)                                               // one-off, in UTC
            .Build();
        _ = london;
    }

    public static void Ask(BusinessCalendar london, DateTimeOffset instant, DateOnly date, DateTimeOffset receivedAt, DateTimeOffset dueAt, DateTimeOffset from, DateTimeOffset to)
    {
        london.IsOpen(instant);                              // in an open period?
        london.IsHoliday(instant);                           // is its local date a holiday? (also for a DateOnly)
        london.IsInBreak(instant);                           // in a break configured for its date?
        london.IsInClosure(instant);                         // in a one-off closure?
        london.IsBusinessDay(date);                          // does the local date have an open period?

        london.Add(receivedAt, TimeSpan.FromHours(16));      // 16 business hours later
        london.Subtract(dueAt, TimeSpan.FromHours(2));       // 2 business hours earlier
        london.AddBusinessDays(instant, 3);                  // same time of day, 3 business dates later
        london.SubtractBusinessDays(instant, 3);             // same time of day, 3 business dates earlier
        london.Elapsed(from, to);                            // business time between two instants
        london.NextOpening(instant);
        london.PreviousClosing(instant);
        london.CloseOfBusinessDay(receivedAt, 3);            // close of the 3rd business date after receipt
        london.EndOfCalendarDay(receivedAt, 56);             // end of the local day 56 days after receipt

        london.PeriodsAfter(instant).Take(5);                // open periods from an instant, in time order (lazy)
        london.PeriodsAfter(from, until: to);                // ... up to an instant
        london.PeriodsBefore(instant, covering: TimeSpan.FromHours(40));   // newest first, until 40 hours are covered
        london.PeriodsOn(date);                              // a local date's periods
        london.BusinessDatesAfter(date).Take(10);            // business dates after a date (lazy)
        london.BusinessDatesBefore(date).First();            // newest first
    }
#pragma warning restore CA1806

    public static void Worker(IServiceCollection services)
    {
        services.AddComplaintFlow().AddDeadlineWorker(o =>
        {
            o.PollInterval = TimeSpan.FromSeconds(30);   // wait when a poll found less than a full batch
            o.BatchSize = 100;                           // cases claimed per poll
            o.Lease = TimeSpan.FromMinutes(2);           // how long a claim keeps other workers off a case
        });
    }
}
