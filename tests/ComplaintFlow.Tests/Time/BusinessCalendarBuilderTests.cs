using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Time;

/// <summary>What a calendar can be told, and the errors that name what is wrong with what it was told.</summary>
public sealed class BusinessCalendarBuilderTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, Action, string> BadDescriptions => new()
    {
        { "unknown zone", () => BusinessCalendar.Create("Mars/Olympus_Mons"), "*'Mars/Olympus_Mons' is not known*IANA*" },
        { "empty interval", () => BusinessCalendar.Create("Etc/UTC").Open(DayOfWeek.Monday, Five, Nine), "*17:00-09:00 on Monday is empty*" },
        { "zero-length interval", () => BusinessCalendar.Create("Etc/UTC").Open(DayOfWeek.Monday, Nine, Nine), "*09:00-09:00 on Monday is empty*" },
        { "overlapping intervals", () => BusinessCalendar.Create("Etc/UTC").Open(DayOfWeek.Monday, Nine, Five).Open(DayOfWeek.Monday, new TimeOnly(16, 0), new TimeOnly(18, 0)), "*16:00-18:00 on Monday overlaps 09:00-17:00*" },
        { "overlapping date hours", () => BusinessCalendar.Create("Etc/UTC").OpenOn(new DateOnly(2026, 12, 24), Nine, new TimeOnly(13, 0)).OpenOn(new DateOnly(2026, 12, 24), new TimeOnly(12, 0), Five), "*12:00-17:00 on 2026-12-24 overlaps 09:00-13:00*" },
        { "weekday with an empty list", () => BusinessCalendar.Create("Etc/UTC").Open(DayOfWeek.Saturday, []), "*Saturday's list of intervals is empty*" },
        { "date with an empty list", () => BusinessCalendar.Create("Etc/UTC").OpenOn(new DateOnly(2026, 12, 24), []), "*2026-12-24 is empty; use Holiday*" },
        { "empty break", () => BusinessCalendar.Create("Etc/UTC").Break(new DateOnly(2026, 3, 3), new TimeOnly(13, 0), new TimeOnly(12, 0)), "*break 13:00-12:00 on 2026-03-03 is empty*" },
        { "empty closure", () => BusinessCalendar.Create("Etc/UTC").Closure(Z("2026-03-03T12:00:00Z"), Z("2026-03-03T12:00:00Z")), "*closure*is empty*" },
        { "holiday out of range", () => BusinessCalendar.Create("Etc/UTC").Holiday(new DateOnly(1850, 1, 1)), "*between 1900 and 2199*" },
        { "date hours out of range", () => BusinessCalendar.Create("Etc/UTC").OpenOn(new DateOnly(2300, 1, 1), Nine, Five), "*between 1900 and 2199*" },
        { "no hours at all", () => BusinessCalendar.Create("Etc/UTC").Holiday(new DateOnly(2026, 1, 1)).Build(), "*no opening hours on any day*" },
        { "not a weekday", () => BusinessCalendar.Create("Etc/UTC").Open((DayOfWeek)9, Nine, Five), "*Not a day of the week*" },
        { "reversed iCalendar range", () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar(UkBankHolidays, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1)), "*range 2026-12-31 to 2026-01-01 is reversed*" },
        { "not an iCalendar", () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar("hello", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), "*not*iCalendar*" },
        { "broken iCalendar", () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\n", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), "*not a readable iCalendar*" },
    };

    [Theory]
    [MemberData(nameof(BadDescriptions))]
    public void Build_BadDescription_IsRefusedNamingTheProblem(string scenario, Action describe, string message) =>
        describe.Should().Throw<Exception>(scenario).Where(e => e is ArgumentException || e is InvalidOperationException).WithMessage(message);

    private static string Feed(string start, string rule) =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:h-1\r\n{start}\r\n{rule}\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Theory]
    [InlineData("a rule that never matches (30 February)", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("a day Ical.Net does not know", "RRULE:FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("an interval of zero", "RRULE:FREQ=DAILY;INTERVAL=0")]
    [InlineData("an interval too large for a number", "RRULE:FREQ=YEARLY;INTERVAL=99999999999")]
    public void HolidaysFromICalendar_ARuleThatCannotBeExpanded_IsAnArgumentExceptionAboutTheFeed(string scenario, string rule)
    {
        var read = () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar(Feed("DTSTART;VALUE=DATE:20260101", rule), new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));

        read.Should().Throw<ArgumentException>(scenario)
            .Where(e => e.GetType() == typeof(ArgumentException) && e.ParamName == "icalendar", "Ical.Net's own exception types and parameter names mean nothing to the app")
            .WithMessage("The text is not a readable iCalendar feed:*");
    }

    [Theory]
    [InlineData(1850, 2026, "from")]
    [InlineData(2026, 2300, "to")]
    public void HolidaysFromICalendar_ARangeEndOutside1900To2199_NamesThatEnd(int fromYear, int toYear, string name)
    {
        // Both ends were refused naming 'date', a parameter of the builder's own check.
        var read = () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar(UkBankHolidays, new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));

        read.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void HolidaysFromICalendar_AnAllDayRuleRecurringEverySecond_IsRefusedInsteadOfExpandedForEver()
    {
        var read = () => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar(Feed("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=SECONDLY"), new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));

        read.Should().Throw<ArgumentException>().Where(e => e.ParamName == "icalendar").WithMessage("*more than 100,000 times*");
    }

    [Fact(Timeout = 60_000)]
    public async Task HolidaysFromICalendar_ACenturyLongEventRecurringDaily_IsRefusedInsteadOfWalkingBillionsOfDates()
    {
        // A hundred thousand daily occurrences of a hundred-year event: walked date by date, billions of steps (minutes).
        var feed = Feed("DTSTART;VALUE=DATE:19000101\r\nDURATION:P36500D", "RRULE:FREQ=DAILY");

        var read = () => Task.Run(() => BusinessCalendar.Create("Etc/UTC").HolidaysFromICalendar(feed, new DateOnly(1900, 1, 1), new DateOnly(2199, 12, 31)), TestContext.Current.CancellationToken);

        (await read.Should().ThrowAsync<ArgumentException>()).Where(e => e.ParamName == "icalendar").WithMessage("*more than 100,000 times*");
    }

    [Fact]
    public void HolidaysFromICalendar_ATimedOverrideOfOneDateOfAnAllDaySeries_OpensThatDate_AndKeepsTheRestOfTheSeries()
    {
        // Boxing Day every year, but in 2025 (a Friday) only a morning event replaces it: that date stays a business day.
        var feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:boxing\r\nDTSTART;VALUE=DATE:20201226\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Boxing Day\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:boxing\r\nRECURRENCE-ID;VALUE=DATE:20251226\r\nDTSTART:20251226T090000Z\r\nDTEND:20251226T120000Z\r\nSUMMARY:Boxing Day (morning only)\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        var calendar = BusinessCalendar.Create("Etc/UTC").OpenWeekdays(Nine, Five).HolidaysFromICalendar(feed, new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31)).Build();

        calendar.IsBusinessDay(new DateOnly(2025, 12, 26)).Should().BeTrue("the override made it a timed event");
        calendar.IsBusinessDay(new DateOnly(2028, 12, 26)).Should().BeFalse("a Tuesday, and still Boxing Day");
        calendar.IsBusinessDay(new DateOnly(2029, 12, 26)).Should().BeFalse("a Wednesday, and still Boxing Day");
    }

    [Fact(Timeout = 60_000)]
    public async Task HolidaysFromICalendar_ATimedEventRecurringEverySecond_IsLeftOutWithoutExpandingIt()
    {
        // A timed event closes no date, so its rule is never expanded: five years of seconds would take minutes.
        var feed = Feed("DTSTART:20260101T090000Z", "RRULE:FREQ=SECONDLY");

        var calendar = await Task.Run(() => BusinessCalendar.Create("Etc/UTC").OpenWeekdays(Nine, Five).HolidaysFromICalendar(feed, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)).Build(), TestContext.Current.CancellationToken);

        calendar.IsBusinessDay(new DateOnly(2026, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void Questions_InstantOutsideTheSupportedRange_AreRefusedNamingTheRange()
    {
        var calendar = BusinessCalendar.Create("Europe/London").OpenWeekdays(Nine, Five).Build();

        var early = () => calendar.IsOpen(Z("1899-12-31T23:00:00Z"));
        var late = () => calendar.Add(Z("2200-01-01T00:00:00Z"), TimeSpan.FromHours(1));
        var date = () => calendar.IsBusinessDay(new DateOnly(2200, 1, 1));

        early.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1900 to 2199*");
        late.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1900 to 2199*");
        date.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1900 to 2199*");
    }

    [Fact]
    public void OpenOn_ReplacesTheWeekdaysHours_AndOpensAClosedWeekend_ButAHolidayStillWins()
    {
        var christmasEve = new DateOnly(2026, 12, 24);
        var saleSaturday = new DateOnly(2026, 11, 28);
        var calendar = BusinessCalendar.Create("Europe/London")
            .OpenWeekdays(Nine, Five)
            .OpenOn(christmasEve, Nine, new TimeOnly(13, 0))
            .OpenOn(saleSaturday, new TimeOnly(10, 0), new TimeOnly(14, 0))
            .OpenOn(new DateOnly(2026, 12, 25), Nine, Five)
            .Holiday(new DateOnly(2026, 12, 25))
            .Build();

        calendar.PeriodsOn(christmasEve).Should().Equal(new BusinessPeriod(Z("2026-12-24T09:00:00Z"), Z("2026-12-24T13:00:00Z")));
        calendar.IsOpen(Z("2026-12-24T14:00:00Z")).Should().BeFalse("the date's own hours replace Thursday's");
        calendar.IsBusinessDay(saleSaturday).Should().BeTrue("a date given hours is a business date");
        calendar.PeriodsOn(saleSaturday).Should().Equal(new BusinessPeriod(Z("2026-11-28T10:00:00Z"), Z("2026-11-28T14:00:00Z")));
        calendar.IsBusinessDay(new DateOnly(2026, 12, 25)).Should().BeFalse("a holiday removes the date's own hours too");
        calendar.AddBusinessDays(Z("2026-11-27T11:00:00Z"), 1).Should().Be(Z("2026-11-28T11:00:00Z"), "Friday 11:00 plus one business day is the sale Saturday at 11:00");
    }

    [Fact]
    public void Break_SplitsTheDaysPeriods_IsAnsweredAsABreak_AndOutsideHoursChangesNothing()
    {
        var meeting = new DateOnly(2026, 3, 3);
        var calendar = BusinessCalendar.Create("Etc/UTC")
            .OpenWeekdays(Nine, Five)
            .Break(meeting, new TimeOnly(12, 0), new TimeOnly(13, 0))
            .Break(meeting, new TimeOnly(19, 0), new TimeOnly(20, 0))
            .Break(new DateOnly(2026, 3, 4), new TimeOnly(0, 0), new TimeOnly(0, 0))
            .Build();

        calendar.PeriodsOn(meeting).Should().Equal(new BusinessPeriod(Z("2026-03-03T09:00:00Z"), Z("2026-03-03T12:00:00Z")), new BusinessPeriod(Z("2026-03-03T13:00:00Z"), Z("2026-03-03T17:00:00Z")));
        calendar.IsInBreak(Z("2026-03-03T12:30:00Z")).Should().BeTrue();
        calendar.IsOpen(Z("2026-03-03T12:30:00Z")).Should().BeFalse();
        calendar.IsInBreak(Z("2026-03-03T19:30:00Z")).Should().BeTrue("a break outside hours is still a break, and changes nothing");
        calendar.Add(Z("2026-03-03T11:30:00Z"), TimeSpan.FromHours(1)).Should().Be(Z("2026-03-03T13:30:00Z"));
        calendar.IsBusinessDay(new DateOnly(2026, 3, 4)).Should().BeFalse("a break over all its hours leaves the date no open period");
        calendar.AddBusinessDays(Z("2026-03-03T10:00:00Z"), 1).Should().Be(Z("2026-03-05T10:00:00Z"));
    }

    [Fact]
    public void Questions_HolidayClosureAndBusinessDate_AreAnsweredForInstantsAndDates()
    {
        var calendar = BusinessCalendar.Create("Europe/London")
            .OpenWeekdays(Nine, Five)
            .Holiday(new DateOnly(2026, 5, 4))
            .Closure(Z("2026-05-05T10:00:00Z"), Z("2026-05-05T11:30:00Z"))
            .Build();

        calendar.IsHoliday(new DateOnly(2026, 5, 4)).Should().BeTrue();
        calendar.IsHoliday(Z("2026-05-03T23:30:00Z")).Should().BeTrue("00:30 BST on the 4th is on the holiday");
        calendar.IsHoliday(Z("2026-05-04T23:30:00Z")).Should().BeFalse("00:30 BST on the 5th is not");
        calendar.IsInClosure(Z("2026-05-05T10:00:00Z")).Should().BeTrue("a closure includes its start");
        calendar.IsInClosure(Z("2026-05-05T11:30:00Z")).Should().BeFalse("and excludes its end");
        calendar.IsOpen(Z("2026-05-05T10:15:00Z")).Should().BeFalse();
        calendar.IsBusinessDay(new DateOnly(2026, 5, 5)).Should().BeTrue("a closure of part of a day leaves it a business date");
        calendar.IsBusinessDay(new DateOnly(2026, 5, 9)).Should().BeFalse("a Saturday without hours");
    }

    /// <summary>The shape of the UK government's bank-holiday feed (one all-day event per date, DTEND exclusive), written for this test.</summary>
    private const string UkBankHolidays = """
        BEGIN:VCALENDAR
        VERSION:2.0
        METHOD:PUBLISH
        PRODID:-//ComplaintFlow tests//EN
        CALSCALE:GREGORIAN
        BEGIN:VEVENT
        DTEND;VALUE=DATE:20260406
        DTSTART;VALUE=DATE:20260403
        SUMMARY:Easter closure (Good Friday to Easter Sunday)
        UID:easter-2026@complaintflow.test
        DTSTAMP:20260101T000000Z
        END:VEVENT
        BEGIN:VEVENT
        DTEND;VALUE=DATE:20261229
        DTSTART;VALUE=DATE:20261228
        SUMMARY:Boxing Day (substitute day)
        UID:boxing-2026@complaintflow.test
        DTSTAMP:20260101T000000Z
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20200101
        RRULE:FREQ=YEARLY
        EXDATE;VALUE=DATE:20270101
        SUMMARY:New Year's Day
        UID:new-year@complaintflow.test
        DTSTAMP:20260101T000000Z
        END:VEVENT
        BEGIN:VEVENT
        DTSTART:20260310T140000Z
        DTEND:20260310T150000Z
        SUMMARY:A timed meeting, not a holiday
        UID:meeting@complaintflow.test
        DTSTAMP:20260101T000000Z
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20260504
        STATUS:CANCELLED
        SUMMARY:Cancelled closure
        UID:cancelled@complaintflow.test
        DTSTAMP:20260101T000000Z
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public void HolidaysFromICalendar_ExpandsRecurrencesAndMultiDayEvents_WithinTheRange_SkippingTimedAndCancelled()
    {
        var calendar = BusinessCalendar.Create("Europe/London").OpenWeekdays(Nine, Five).HolidaysFromICalendar(UkBankHolidays, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)).Build();

        var holidays = Enumerable.Range(0, 730).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).Where(calendar.IsHoliday).ToList();

        holidays.Should().Equal(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 4), new DateOnly(2026, 4, 5), new DateOnly(2026, 12, 28));
        calendar.IsOpen(Z("2026-03-10T14:30:00Z")).Should().BeTrue("a timed event is not a holiday");
        calendar.IsHoliday(new DateOnly(2026, 5, 4)).Should().BeFalse("a cancelled event closes nothing");
        calendar.IsHoliday(new DateOnly(2025, 1, 1)).Should().BeFalse("dates outside the range are not taken");
        calendar.IsHoliday(new DateOnly(2027, 1, 1)).Should().BeFalse("EXDATE removes that year's occurrence");
    }
}
