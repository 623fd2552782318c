using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Time;

/// <summary>One calendar answers many threads at once, across more dates than its cache holds, with the answers one thread gets.</summary>
public sealed class BusinessCalendarConcurrencyTests
{
    [Fact]
    public async Task Answers_FromManyThreadsOverAWideRange_MatchOneThreadsAndTheCacheStaysBounded()
    {
        static BusinessCalendar London() => BusinessCalendar.Create("Europe/London")
            .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
            .Break(new DateOnly(2026, 3, 3), new TimeOnly(12, 0), new TimeOnly(13, 0))
            .Holiday(new DateOnly(2026, 12, 25))
            .Build();

        // Instants spread over 120 years: far more blocks of dates than the cache keeps, so it is cleared while in use.
        var origin = new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var instants = Enumerable.Range(0, 4_000).Select(i => origin.AddHours(i * 263.7)).ToArray();
        var reference = London();
        var expected = instants.Select(t => Answer(reference, t)).ToArray();
        var shared = London();

        var threads = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var answers = new (DateTimeOffset, DateTimeOffset, TimeSpan, DateTimeOffset)[instants.Length];
            var order = Enumerable.Range(0, instants.Length).ToArray();
            for (var round = 0; round < 3; round++)
            {
                // Each worker walks the instants in its own shuffled order, so threads keep landing in different blocks.
                new Random(worker * 31 + round).Shuffle(order);
                foreach (var i in order)
                {
                    answers[i] = Answer(shared, instants[i]);
                }
            }

            return answers;
        })).ToArray();
        var results = await Task.WhenAll(threads);

        foreach (var answers in results)
        {
            var wrong = Enumerable.Range(0, instants.Length).Where(i => answers[i] != expected[i]).Select(i => $"{instants[i]:O}: {answers[i]} instead of {expected[i]}").Take(3).ToList();
            wrong.Should().BeEmpty();
        }

        shared.CachedBlocks.Should().BeLessThanOrEqualTo(CalendarBlocks.MaxCachedBlocks + 8);
    }

    private static (DateTimeOffset, DateTimeOffset, TimeSpan, DateTimeOffset) Answer(BusinessCalendar calendar, DateTimeOffset t) =>
        (calendar.Add(t, TimeSpan.FromHours(37)), calendar.Subtract(t, TimeSpan.FromHours(11)), calendar.Elapsed(t, t.AddDays(9)), calendar.AddBusinessDays(t, 3));
}
