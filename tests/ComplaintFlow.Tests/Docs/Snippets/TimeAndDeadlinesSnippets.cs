// The C# blocks of docs/time-and-deadlines.md, compiled. DocsCodeBlockTests checks that every line of every block
// appears here, in order; change the two together.
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class TimeAndDeadlinesSnippets
{
#pragma warning disable CA1806 // The guide shows each call on its own; the results do not matter here.
    public static void Calendar(IEnumerable<DateOnly> bankHolidays, DateTimeOffset outageStart, DateTimeOffset outageEnd, DateTimeOffset receivedAt, DateTimeOffset from, DateTimeOffset to, DateTimeOffset instant)
    {
        var london = BusinessCalendar.Create("Europe/London")
            .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
            .Open(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(13, 0))
            .Holidays(bankHolidays)                       // the app supplies them; none are shipped
            .Closure(outageStart, outageEnd)              // one-off closures
            .Build();

        london.Add(receivedAt, TimeSpan.FromHours(16));   // 16 business hours later
        london.Elapsed(from, to);                         // business time between two instants
        london.IsOpen(instant);
        london.NextOpening(instant);
        london.CloseOfBusinessDay(receivedAt, 3);         // close of the 3rd business day after receipt
        london.EndOfCalendarDay(receivedAt, 56);          // end of the local day 56 days after receipt
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
