using ComplaintFlow.Time;
using CsCheck;

namespace ComplaintFlow.Tests.Time;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar London = BusinessCalendar.Create("Europe/London")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .Holiday(new DateOnly(2026, 12, 25))
        .Build();

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, double, string> Additions => new()
    {
        { "inside one interval", "2026-03-02T10:00:00Z", 2, "2026-03-02T12:00:00Z" },
        { "lands exactly on closing time: that closing time", "2026-03-02T16:00:00Z", 1, "2026-03-02T17:00:00Z" },
        { "spills into the next morning", "2026-03-02T16:00:00Z", 2, "2026-03-03T10:00:00Z" },
        { "from a Saturday: starts at Monday's opening", "2026-03-07T12:00:00Z", 1, "2026-03-09T10:00:00Z" },
        { "Friday afternoon over the weekend", "2026-03-06T16:30:00Z", 1, "2026-03-09T09:30:00Z" },
        { "from before opening", "2026-03-02T07:00:00Z", 0.5, "2026-03-02T09:30:00Z" },
        { "zero from outside hours: the next opening", "2026-03-02T18:00:00Z", 0, "2026-03-03T09:00:00Z" },
        { "over a holiday (Christmas Friday)", "2026-12-24T16:00:00Z", 2, "2026-12-28T10:00:00Z" },
        { "over the spring-forward weekend (GMT to BST)", "2026-03-27T16:00:00Z", 2, "2026-03-30T09:00:00Z" },
        { "over the fall-back weekend (BST to GMT)", "2026-10-23T15:00:00Z", 2, "2026-10-26T10:00:00Z" },
        { "a whole business week", "2026-03-02T09:00:00Z", 40, "2026-03-06T17:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Additions))]
    public void Add_London_GivesTheExactInstant(string scenario, string start, double hours, string expected)
    {
        London.Add(Z(start), TimeSpan.FromHours(hours)).Should().Be(Z(expected), scenario);
    }

    [Fact]
    public void Builder_UnderACultureWithAnotherCalendar_AcceptsADateThatCultureCannotWrite()
    {
        // ar-SA writes dates in the Um al-Qura calendar, which ends in 2077: the builder's messages are written in the
        // invariant culture, so a valid date of 2080 must not fail on the formatting of a message nobody reads.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");

            var build = () => BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
                .OpenOn(new DateOnly(2080, 12, 24), [(new TimeOnly(9, 0), new TimeOnly(13, 0))]).Build();

            build.Should().NotThrow();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Add_NewYork_AcrossDaylightSavingStart()
    {
        var newYork = BusinessCalendar.Create("America/New_York").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

        // Friday 16:00 EST is 21:00Z; two business hours later is Monday 10:00 EDT, 14:00Z.
        newYork.Add(Z("2026-03-06T21:00:00Z"), TimeSpan.FromHours(2)).Should().Be(Z("2026-03-09T14:00:00Z"));
        newYork.IsOpen(Z("2026-03-09T13:00:00Z")).Should().BeTrue("09:00 EDT");
        newYork.IsOpen(Z("2026-03-06T14:00:00Z")).Should().BeTrue("09:00 EST");
        newYork.IsOpen(Z("2026-03-06T13:59:00Z")).Should().BeFalse("08:59 EST");
    }

    [Fact]
    public void Add_Sydney_AcrossDaylightSavingEnd()
    {
        var sydney = BusinessCalendar.Create("Australia/Sydney").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

        // Friday 3 April 16:00 AEDT (+11) is 05:00Z; Monday 6 April 10:00 AEST (+10) is 00:00Z.
        sydney.Add(Z("2026-04-03T05:00:00Z"), TimeSpan.FromHours(2)).Should().Be(Z("2026-04-06T00:00:00Z"));
    }

    [Fact]
    public void Elapsed_AllDayOpen_CountsTheRealHoursOfDaylightSavingDays()
    {
        var sundays = BusinessCalendar.Create("Europe/London").Open(DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MinValue).Build();

        sundays.Elapsed(Z("2026-03-29T00:00:00Z"), Z("2026-03-30T00:00:00Z")).Should().Be(TimeSpan.FromHours(23), "spring forward");
        sundays.Elapsed(Z("2026-10-24T23:00:00Z"), Z("2026-10-26T00:00:00Z")).Should().Be(TimeSpan.FromHours(25), "fall back");
    }

    [Fact]
    public void SeveralIntervalsAndClosures_AreHonoured()
    {
        var calendar = BusinessCalendar.Create("Europe/London")
            .Open(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))
            .Open(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0))
            .Closure(Z("2026-03-09T10:00:00Z"), Z("2026-03-09T11:00:00Z"))
            .Build();

        calendar.Add(Z("2026-03-02T11:30:00Z"), TimeSpan.FromHours(1)).Should().Be(Z("2026-03-02T13:30:00Z"), "lunch is closed");
        calendar.Add(Z("2026-03-09T09:30:00Z"), TimeSpan.FromHours(1)).Should().Be(Z("2026-03-09T11:30:00Z"), "the one-off closure is skipped");
        calendar.IsOpen(Z("2026-03-09T10:30:00Z")).Should().BeFalse();
        calendar.Elapsed(Z("2026-03-02T00:00:00Z"), Z("2026-03-03T00:00:00Z")).Should().Be(TimeSpan.FromHours(7));
    }

    [Fact]
    public void IsOpenAndNextOpening_IntervalsIncludeTheirStartAndExcludeTheirEnd()
    {
        London.IsOpen(Z("2026-03-02T09:00:00Z")).Should().BeTrue();
        London.IsOpen(Z("2026-03-02T17:00:00Z")).Should().BeFalse();
        London.IsOpen(Z("2026-12-25T12:00:00Z")).Should().BeFalse("holiday");
        London.NextOpening(Z("2026-03-07T12:00:00Z")).Should().Be(Z("2026-03-09T09:00:00Z"));
        London.NextOpening(Z("2026-03-02T12:00:00Z")).Should().Be(Z("2026-03-02T12:00:00Z"));
        London.Elapsed(Z("2026-03-06T16:00:00Z"), Z("2026-03-09T10:00:00Z")).Should().Be(TimeSpan.FromHours(2));
    }

    public static TheoryData<string, string, int, string> BusinessDays => new()
    {
        { "received Monday morning: close of Thursday", "2026-03-02T10:00:00Z", 3, "2026-03-05T17:00:00Z" },
        { "received Monday after close: counts from Tuesday", "2026-03-02T18:00:00Z", 3, "2026-03-06T17:00:00Z" },
        { "received at exactly closing time: counts from Tuesday", "2026-03-02T17:00:00Z", 3, "2026-03-06T17:00:00Z" },
        { "received Saturday: counts from Monday", "2026-03-07T12:00:00Z", 3, "2026-03-12T17:00:00Z" },
        { "a holiday is not a business day", "2026-12-22T10:00:00Z", 3, "2026-12-28T17:00:00Z" },
        { "summer time: 17:00 BST is 16:00Z", "2026-06-01T10:00:00Z", 1, "2026-06-02T16:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(BusinessDays))]
    public void CloseOfBusinessDay_GivesTheCloseOfTheNthBusinessDayAfterReceipt(string scenario, string received, int days, string expected)
    {
        London.CloseOfBusinessDay(Z(received), days).Should().Be(Z(expected), scenario);
    }

    [Fact]
    public void AlwaysOpen_IsPlainCalendarTime()
    {
        BusinessCalendar.AlwaysOpen.Add(Z("2026-03-07T12:00:00Z"), TimeSpan.FromDays(15)).Should().Be(Z("2026-03-22T12:00:00Z"));
        BusinessCalendar.AlwaysOpen.Elapsed(Z("2026-03-07T12:00:00Z"), Z("2026-03-08T12:00:00Z")).Should().Be(TimeSpan.FromDays(1));
    }

    [Fact]
    public void Builder_RefusesBadDefinitions()
    {
        var unknownZone = () => BusinessCalendar.Create("Mars/Olympus_Mons");
        unknownZone.Should().Throw<ArgumentException>().WithMessage("*'Mars/Olympus_Mons' is not known*");

        var empty = () => BusinessCalendar.Create("Europe/London").Open(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(9, 0));
        empty.Should().Throw<ArgumentException>().WithMessage("*is empty*");

        var overlap = () => BusinessCalendar.Create("Europe/London").Open(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)).Open(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0));
        overlap.Should().Throw<ArgumentException>().WithMessage("*overlaps*");

        var closed = () => BusinessCalendar.Create("Europe/London").Build();
        closed.Should().Throw<InvalidOperationException>().WithMessage("*no opening hours*");
    }

    [Fact]
    public void AddAndSubtract_MoreThanTenYearsOfOpenTime_CountEveryDayInsteadOfGivingUp()
    {
        // Open every day 09:00-17:00 UTC: 5,000 days of 8 hours from Mon 2 March 2026 09:00 are used up at 17:00 on the
        // 5,000th day, that is 4,999 days later; subtracting them from there lands back on the start.
        var everyDay = BusinessCalendar.Create("Etc/UTC");
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            everyDay = everyDay.Open(day, new TimeOnly(9, 0), new TimeOnly(17, 0));
        }

        var calendar = everyDay.Build();
        var start = Z("2026-03-02T09:00:00Z");
        var amount = TimeSpan.FromHours(8 * 5_000);
        var end = new DateTimeOffset(new DateOnly(2026, 3, 2).AddDays(4_999).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);

        calendar.Add(start, amount).Should().Be(end);
        calendar.Subtract(end, amount).Should().Be(start);
    }

    [Fact]
    public void AddAndSubtract_PastTheCalendarsRange_AreRefusedNamingTheRange()
    {
        var add = () => London.Add(Z("2199-12-30T09:00:00Z"), TimeSpan.FromHours(8 * 10));
        add.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1900 to 2199*");
        var subtract = () => London.Subtract(Z("1900-01-02T17:00:00Z"), TimeSpan.FromHours(8 * 10));
        subtract.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1900 to 2199*");
    }

    public static TheoryData<string, Func<object>, string> AnswersPastTheRange => new()
    {
        // Each would answer with an instant every other method of the calendar refuses; the refusal names what carried it there.
        { "close of business a day after 30 Dec 2199, 12:00 in Los Angeles", () => LosAngeles.CloseOfBusinessDay(Z("2199-12-30T20:00:00Z"), 1), "businessDaysAfter" },
        { "the end of 31 Dec 2199 (2200 begins)", () => Utc.EndOfCalendarDay(Z("2199-12-31T12:00:00Z"), 0), "days" },
        { "a million days on", () => Utc.EndOfCalendarDay(Z("2026-03-02T12:00:00Z"), 1_000_000), "days" },
        { "always open, a day past 31 Dec 2199 noon", () => BusinessCalendar.AlwaysOpen.Add(Z("2199-12-31T12:00:00Z"), TimeSpan.FromDays(1)), "businessTime" },
        { "always open, the longest time there is", () => BusinessCalendar.AlwaysOpen.Add(Z("2026-03-02T12:00:00Z"), TimeSpan.MaxValue), "businessTime" },
        { "always open, back before 1900", () => BusinessCalendar.AlwaysOpen.Subtract(Z("1900-01-01T12:00:00Z"), TimeSpan.FromDays(1)), "businessTime" },
        { "the next opening after the last closing", () => Utc.NextOpening(Z("2199-12-31T18:00:00Z")), "instant" },
        { "thirty business days after 20 Dec 2199", () => Utc.AddBusinessDays(Z("2199-12-20T12:00:00Z"), 30), "businessDays" },
        { "thirty business days before 10 Jan 1900", () => Utc.SubtractBusinessDays(Z("1900-01-10T12:00:00Z"), 30), "businessDays" },
    };

    public static TheoryData<string, Func<object>, string> InstantsOnADateOutsideTheRange => new()
    {
        // Within the UTC bounds, but on a local date the calendar does not answer for: each was refused naming 'date',
        // the calendar's own check, instead of the caller's argument.
        { "a holiday? at midnight UTC on 1 Jan 1900 in Los Angeles (31 Dec 1899 there)", () => LosAngeles.IsHoliday(Z("1900-01-01T00:00:00Z")), "instant" },
        { "a business day on from midnight UTC on 1 Jan 1900 in Los Angeles", () => LosAngeles.AddBusinessDays(Z("1900-01-01T00:00:00Z"), 1), "instant" },
        { "a business day back from midnight UTC on 1 Jan 1900 in Los Angeles", () => LosAngeles.SubtractBusinessDays(Z("1900-01-01T00:00:00Z"), 0), "instant" },
        { "close of business after a receipt at midnight UTC on 1 Jan 1900 in Los Angeles", () => LosAngeles.CloseOfBusinessDay(Z("1900-01-01T00:00:00Z"), 0), "receivedAt" },
        { "end of the day of 31 Dec 2199 16:00 UTC in Tokyo (1 Jan 2200 there)", () => Tokyo.EndOfCalendarDay(Z("2199-12-31T16:00:00Z"), 0), "instant" },
    };

    [Theory]
    [MemberData(nameof(InstantsOnADateOutsideTheRange))]
    public void Question_AboutAnInstantWhoseLocalDateIsOutside1900To2199_IsRefusedNamingTheArgument(string scenario, Func<object> ask, string argument) =>
        ask.Should().Throw<ArgumentOutOfRangeException>(scenario).Where(e => e.ParamName == argument, scenario).WithMessage("*1900 to 2199*");

    private static readonly BusinessCalendar Tokyo = BusinessCalendar.Create("Asia/Tokyo").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    private static readonly BusinessCalendar Utc = BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    private static readonly BusinessCalendar LosAngeles = BusinessCalendar.Create("America/Los_Angeles").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    [Theory]
    [MemberData(nameof(AnswersPastTheRange))]
    public void Arithmetic_WhoseAnswerFallsOutside1900To2199_IsRefusedNamingTheArgument(string scenario, Func<object> ask, string argument) =>
        ask.Should().Throw<ArgumentOutOfRangeException>(scenario).Where(e => e.ParamName == argument, scenario).WithMessage("*1900 to 2199*");

    [Fact]
    public void Periods_NearTheEndsOfTheRange_StayWithinIt()
    {
        var last = Utc.PeriodsAfter(Z("2199-12-31T10:00:00Z")).ToList();
        var first = Utc.PeriodsBefore(Z("1900-01-02T12:00:00Z")).ToList();

        last.Should().Equal(new BusinessPeriod(Z("2199-12-31T10:00:00Z"), Z("2199-12-31T17:00:00Z")));
        first.Should().Equal(new BusinessPeriod(Z("1900-01-02T09:00:00Z"), Z("1900-01-02T12:00:00Z")), new BusinessPeriod(Z("1900-01-01T09:00:00Z"), Z("1900-01-01T17:00:00Z")));
    }

    [Theory]
    [InlineData("eleven years of business time")]
    [InlineData("eleven years of calendar time")]
    [InlineData("four thousand business days")]
    [InlineData("int.MaxValue calendar days")]
    public void ClockDeadline_LongerThanTenYears_IsRefusedWhereItIsMade(string scenario)
    {
        Func<ClockDeadline> make = scenario switch
        {
            "eleven years of business time" => () => ClockDeadline.BusinessTime(TimeSpan.FromDays(11 * 366)),
            "eleven years of calendar time" => () => ClockDeadline.CalendarTime(TimeSpan.FromDays(11 * 366)),
            "four thousand business days" => () => ClockDeadline.EndOfBusinessDay(4_000),
            _ => () => ClockDeadline.EndOfCalendarDay(int.MaxValue),
        };

        make.Should().Throw<ArgumentOutOfRangeException>(scenario).WithMessage("*ten years*");
    }

    private static readonly Gen<DateTimeOffset> Instants = Gen.Long[0, 2 * 365 * 24 * 60].Select(m => Z("2026-01-01T00:00:00Z").AddMinutes(m));
    private static readonly Gen<TimeSpan> Durations = Gen.Int[0, 200 * 60].Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Add_ThenElapsed_GivesBackTheDuration() =>
        Gen.Select(Instants, Durations).Sample((start, duration) => London.Elapsed(start, London.Add(start, duration)) == duration, iter: 2_000);

    [Fact]
    public void Add_IsMonotonicInTheStart() =>
        Gen.Select(Instants, Instants, Durations).Sample((a, b, duration) =>
        {
            var (early, late) = a <= b ? (a, b) : (b, a);
            return London.Add(early, duration) <= London.Add(late, duration);
        }, iter: 2_000);

    [Fact]
    public void Add_IsMonotonicInTheDuration() =>
        Gen.Select(Instants, Durations, Durations).Sample((start, x, y) =>
        {
            var (small, large) = x <= y ? (x, y) : (y, x);
            return London.Add(start, small) <= London.Add(start, large);
        }, iter: 2_000);

    [Fact]
    public void Periods_AnEndPushedPastTheNextStartBySpringForward_AreJoinedNotOverlapping()
    {
        // Los Angeles, 8 March 2026: 02:30 does not exist, so 01:00-02:30 ends at 03:30 PDT (10:30Z), past the next
        // interval's 03:00 start (10:00Z). Before the fix the two periods overlapped and Elapsed counted 3h30 for 3h.
        var calendar = BusinessCalendar.Create("America/Los_Angeles").Open(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(2, 30)).Open(DayOfWeek.Sunday, new TimeOnly(3, 0), new TimeOnly(5, 0)).Build();

        calendar.PeriodsOn(new DateOnly(2026, 3, 8)).Should().Equal(new BusinessPeriod(Z("2026-03-08T09:00:00Z"), Z("2026-03-08T12:00:00Z")));
        calendar.Elapsed(Z("2026-03-08T08:00:00Z"), Z("2026-03-08T13:00:00Z")).Should().Be(TimeSpan.FromHours(3));
        calendar.Add(Z("2026-03-08T09:00:00Z"), TimeSpan.FromHours(2)).Should().Be(Z("2026-03-08T11:00:00Z"));
    }

    [Fact]
    public void Periods_AMidnightAFallBackRepeats_IsNotCountedTwice()
    {
        // Havana falls back from 01:00 to 00:00 on 1 November 2026, so midnight happens twice (04:00Z and 05:00Z).
        // Saturday's 24:00 is Sunday's start, the first midnight; before the fix it was the second, an hour of overlap.
        var calendar = BusinessCalendar.Create("America/Havana").Open(DayOfWeek.Saturday, new TimeOnly(0, 0), new TimeOnly(0, 0)).Open(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(0, 0)).Build();

        var saturday = calendar.PeriodsOn(new DateOnly(2026, 10, 31)).Should().ContainSingle().Subject;
        var sunday = calendar.PeriodsOn(new DateOnly(2026, 11, 1)).Should().ContainSingle().Subject;
        saturday.End.Should().Be(sunday.Start);
        calendar.Elapsed(saturday.Start, sunday.End).Should().Be(sunday.End - saturday.Start);
        calendar.EndOfCalendarDay(Z("2026-10-31T12:00:00Z"), 0).Should().Be(sunday.Start);
    }
}
