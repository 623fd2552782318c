using ComplaintFlow.Reports;

namespace ComplaintFlow.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Fact]
    public void Month_WhereTheClocksGoBackAtMidnight_StartsAtTheFirstOfTheTwoMidnights()
    {
        // Cuba leaves summer time on Sunday 1 November 2026: at 01:00 (UTC-4) the clocks go back to 00:00 (UTC-5), so
        // that day has two midnights, 04:00 UTC and 05:00 UTC. November starts at the first; October ends there.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        var november = ReportPeriod.Month(2026, 11, havana);
        var october = ReportPeriod.Month(2026, 10, havana);

        november.From.Should().Be(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        october.To.Should().Be(november.From, "the hour between the two midnights belongs to November");
    }

    [Fact]
    public void Month_InAnOrdinaryZone_RunsFromMidnightToMidnight()
    {
        // London: 1 March 2026 is in GMT (00:00 UTC), 1 April in BST (23:00 UTC the day before).
        var march = ReportPeriod.Month(2026, 3, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        (march.From, march.To).Should().Be((new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero)));
    }
}
