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

    [Theory]
    [InlineData("month 13", 2026, 13, "month")]
    [InlineData("month 0", 2026, 0, "month")]
    [InlineData("year 0", 0, 5, "year")]
    [InlineData("past 2199", 2200, 1, "year")]
    [InlineData("ending in 2200", 2199, 12, "year")]
    public void Month_OutOfRange_NamesTheCallersArgument(string scenario, int year, int month, string name)
    {
        // DateTime's own error named no parameter; a period past 2199 blamed 'to', which Month does not take.
        var act = () => ReportPeriod.Month(year, month, TimeZoneInfo.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>(scenario).Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void HalfYear_EndingAfter2199_NamesTheYear_TheLastOneThatFitsIsAccepted()
    {
        var act = () => ReportPeriod.HalfYear(2199, 8, TimeZoneInfo.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("year");
        ReportPeriod.HalfYear(2199, 6, TimeZoneInfo.Utc).To.Should().Be(new DateTimeOffset(2199, 12, 1, 0, 0, 0, TimeSpan.Zero), "June to November ends within 2199");
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var first = () => ReportPeriod.Month(1900, 1, tokyo);
        first.Should().Throw<ArgumentOutOfRangeException>("Tokyo's first midnight of 1900 is in 1899 in UTC").Which.ParamName.Should().Be("year");
        ReportPeriod.Month(2199, 12, tokyo).To.Should().Be(new DateTimeOffset(2199, 12, 31, 15, 0, 0, TimeSpan.Zero), "Tokyo's last midnight of 2199 is still in 2199 in UTC");
    }

    [Theory]
    [InlineData("from in 1900 in UTC, written at New York's offset", "1899-12-31T20:00:00-05:00", "2026-01-01T00:00:00Z", null)]
    [InlineData("to in 2199 in UTC, written at Tokyo's offset", "2026-01-01T00:00:00Z", "2200-01-01T00:00:00+09:00", null)]
    [InlineData("from in 1899 in UTC, written at Kiritimati's offset", "1900-01-01T00:00:00+14:00", "2026-01-01T00:00:00Z", "from")]
    [InlineData("to in 2200 in UTC, written at an offset west of UTC", "2026-01-01T00:00:00Z", "2199-12-31T23:00:00-12:00", "to")]
    public void Constructor_AnEndWrittenAtAnOffset_IsJudgedByItsYearInUtc(string scenario, string from, string to, string? refused)
    {
        // The years were read in the offset each end was written with, so a valid period was refused and one outside
        // the range accepted, depending only on how the caller wrote the same instants.
        var create = () => new ReportPeriod(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        if (refused is null)
        {
            create.Should().NotThrow(scenario);
        }
        else
        {
            create.Should().Throw<ArgumentException>(scenario).Which.ParamName.Should().Be(refused);
        }
    }

    [Fact]
    public void Month_InAnOrdinaryZone_RunsFromMidnightToMidnight()
    {
        // London: 1 March 2026 is in GMT (00:00 UTC), 1 April in BST (23:00 UTC the day before).
        var march = ReportPeriod.Month(2026, 3, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        (march.From, march.To).Should().Be((new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero)));
    }
}
