using System.Globalization;
using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Time;

/// <summary>
/// Exact-instant tables for every public member of <see cref="BusinessCalendar"/> in six zones: no offset (Etc/UTC),
/// northern summer time at 01:00 UTC (Europe/London), at 02:00 local (America/Los_Angeles), southern summer time
/// (Australia/Sydney), changes at local midnight (America/Sao_Paulo, 2018-19) and a fixed +8 offset
/// (Asia/Brunei). Each expected value carries its hand calculation; the conventions are the class remarks'.
/// </summary>
public sealed class BusinessCalendarTableTests
{
    // ---- Calendars ---------------------------------------------------------------------------------------------
    // Each calendar's open periods near the dates the tables use, in UTC ("Z"), as worked out by hand.

    // Weekdays 09-17Z. Wed 4 Mar: break 12-13 -> 09-12Z, 13-17Z. Sat 7 Mar: own hours 10-14Z (a business date).
    // Wed 11 Mar: break 08-18 covers all hours -> not a business date. Thu 12 Mar: closure 14-15Z -> 09-14Z, 15-17Z.
    // Wed 18 Mar: closure 00:00Z-24:00Z -> not a business date. Fri 25 Dec: holiday.
    private static readonly BusinessCalendar Utc = BusinessCalendar.Create("Etc/UTC")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .OpenOn(new DateOnly(2026, 3, 7), new TimeOnly(10, 0), new TimeOnly(14, 0))
        .Break(new DateOnly(2026, 3, 4), new TimeOnly(12, 0), new TimeOnly(13, 0))
        .Break(new DateOnly(2026, 3, 11), new TimeOnly(8, 0), new TimeOnly(18, 0))
        .Closure(Z("2026-03-12T14:00:00Z"), Z("2026-03-12T15:00:00Z"))
        .Closure(Z("2026-03-18T00:00:00Z"), Z("2026-03-19T00:00:00Z"))
        .Holiday(new DateOnly(2026, 12, 25))
        .Build();

    // Weekdays 09-17 local: GMT (+0) 09-17Z until Fri 27 Mar, BST (+1) 08-16Z from Mon 30 Mar to Fri 23 Oct, GMT from Mon 26 Oct.
    // Sat 28 Mar own hours 10-12 GMT = 10-12Z. Sun 29 Mar (01:00 GMT -> 02:00 BST) own hours 01:30-03:00: 01:30 is
    // skipped, moves on by the gap to 02:30 BST = 01:30Z; 03:00 BST = 02:00Z -> 01:30-02:00Z (30 min).
    // Mon 30 Mar: break 09-10 BST -> 09:00-16:00Z. Sun 25 Oct (02:00 BST -> 01:00 GMT) own hours 00:30-02:30:
    // 00:30 BST = 23:30Z on the 24th, 02:30 GMT = 02:30Z -> 3h, the repeated 01:00-02:00 counted twice.
    // Holidays Good Friday 3 Apr, Easter Monday 6 Apr (Tue 7 Apr starts a new 64-day block), 25 and 28 Dec, and
    // Sat 26 Dec, which also has own hours 10-14: the holiday removes them.
    private static readonly BusinessCalendar London = BusinessCalendar.Create("Europe/London")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .OpenOn(new DateOnly(2026, 3, 28), new TimeOnly(10, 0), new TimeOnly(12, 0))
        .OpenOn(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), new TimeOnly(3, 0))
        .OpenOn(new DateOnly(2026, 10, 25), new TimeOnly(0, 30), new TimeOnly(2, 30))
        .OpenOn(new DateOnly(2026, 12, 26), new TimeOnly(10, 0), new TimeOnly(14, 0))
        .Break(new DateOnly(2026, 3, 30), new TimeOnly(9, 0), new TimeOnly(10, 0))
        .Holidays([new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2026, 12, 28)])
        .Build();

    // Sundays 01:00-02:00 London. Sun 22 Mar (GMT): 01-02Z. Sun 29 Mar: 01:00 is skipped and resolves to 01:00Z, 02:00 BST
    // is 01:00Z too -> the interval has no open time, and 29 Mar is not a business date. Sun 5 Apr (BST): 00-01Z.
    // Sun 25 Oct: 01:00 first copy (BST) = 00:00Z to 02:00 GMT = 02:00Z, 2h; the break 01:15-01:45 runs from the first
    // 01:15 (00:15Z) to the second 01:45 (01:45Z) -> 00:00-00:15Z and 01:45-02:00Z. Sun 1 Nov (GMT): 01-02Z.
    private static readonly BusinessCalendar LondonNights = BusinessCalendar.Create("Europe/London")
        .Open(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(2, 0))
        .Break(new DateOnly(2026, 10, 25), new TimeOnly(1, 15), new TimeOnly(1, 45))
        .Build();

    // Weekdays 09-17 local: PST (-8) 17:00Z-01:00Z(next day) until Fri 6 Mar, PDT (-7) 16:00Z-00:00Z(next day) from
    // Mon 9 Mar to Fri 30 Oct, PST from Mon 2 Nov. Sat 7 Mar own hours 10-14 PST = 18-22Z. Sun 8 Mar (02:00 PST -> 03:00
    // PDT at 10:00Z) own hours 02:10-02:50, wholly in the gap: each end is read with the offset before it (-8) ->
    // 10:10-10:50Z (40 min, 03:10-03:50 PDT); own hours 02:50-03:00: 02:50 -> 10:50Z, 03:00 PDT = 10:00Z, start after
    // end -> no open time. Sun 1 Nov (02:00 PDT -> 01:00 PST at 09:00Z) own hours 01:15-01:45: first 01:15 (PDT) =
    // 08:15Z to second 01:45 (PST) = 09:45Z, 1h30. Mon 2 Nov: break 12-13 PST -> 17-20Z, 21Z-01Z. Holidays 3 Jul, 26 Nov.
    private static readonly BusinessCalendar LosAngeles = BusinessCalendar.Create("America/Los_Angeles")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .OpenOn(new DateOnly(2026, 3, 7), new TimeOnly(10, 0), new TimeOnly(14, 0))
        .OpenOn(new DateOnly(2026, 3, 8), new TimeOnly(2, 10), new TimeOnly(2, 50))
        .OpenOn(new DateOnly(2026, 3, 8), new TimeOnly(2, 50), new TimeOnly(3, 0))
        .OpenOn(new DateOnly(2026, 11, 1), new TimeOnly(1, 15), new TimeOnly(1, 45))
        .Break(new DateOnly(2026, 11, 2), new TimeOnly(12, 0), new TimeOnly(13, 0))
        .Holidays([new DateOnly(2026, 7, 3), new DateOnly(2026, 11, 26)])
        .Build();

    // Weekdays 09:00-12:30 and 13:30-17:00 local. AEDT (+11) until Sun 5 Apr: 22:00Z(day before)-01:30Z, 02:30-06:00Z;
    // AEST (+10) from Tue 7 Apr to Fri 2 Oct: 23:00Z(day before)-02:30Z, 03:30-07:00Z; AEDT again from Tue 6 Oct.
    // Sun 5 Apr (03:00 AEDT -> 02:00 AEST at 16:00Z on the 4th) own hours 02:00-03:00: first 02:00 (AEDT) = 15:00Z to
    // 03:00 AEST = 17:00Z on the 4th, 2h. Sat 3 Oct own hours 10-12 AEST = 00-02Z. Sun 4 Oct (02:00 AEST -> 03:00 AEDT
    // at 16:00Z on the 3rd) own hours 01:00-04:00: 01:00 AEST = 15:00Z to 04:00 AEDT = 17:00Z on the 3rd, 2h.
    // Wed 8 Apr: break 09:00-12:30 removes the morning -> 03:30-07:00Z. Thu 9 Apr: break 11-14 -> 23:00Z(8th)-01:00Z,
    // 04:00-07:00Z. Holidays Good Friday 3 Apr, Easter Monday 6 Apr, Labour Day Mon 5 Oct.
    private static readonly BusinessCalendar Sydney = BusinessCalendar.Create("Australia/Sydney")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(12, 30))
        .OpenWeekdays(new TimeOnly(13, 30), new TimeOnly(17, 0))
        .OpenOn(new DateOnly(2026, 4, 5), new TimeOnly(2, 0), new TimeOnly(3, 0))
        .OpenOn(new DateOnly(2026, 10, 3), new TimeOnly(10, 0), new TimeOnly(12, 0))
        .OpenOn(new DateOnly(2026, 10, 4), new TimeOnly(1, 0), new TimeOnly(4, 0))
        .Break(new DateOnly(2026, 4, 8), new TimeOnly(9, 0), new TimeOnly(12, 30))
        .Break(new DateOnly(2026, 4, 9), new TimeOnly(11, 0), new TimeOnly(14, 0))
        .Holidays([new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 10, 5)])
        .Build();

    // Weekdays 09-18 local, Saturdays and Sundays 00:00-24:00. -03 until 2018-11-04 03:00Z, when 00:00 -03 became 01:00 -02;
    // -02 until 2019-02-17 02:00Z, when 00:00 -02 went back to 23:00 -03 on the 16th. Weekdays: -03 12-21Z, -02 11-20Z.
    // Sat 3 Nov 2018: 00:00 -03 = 03:00Z to 24:00, which is in the gap -> the first instant after it, 01:00 -02 = 03:00Z
    // on the 4th (24h). Sun 4 Nov: 00:00 is skipped -> 03:00Z to 24:00 -02 = 02:00Z on the 5th (23h); its break 00:30-01:30
    // resolves to 03:30Z-03:30Z (00:30 moves on to 01:30 -02) and cuts nothing. Sat 16 Feb 2019: 00:00 -02 = 02:00Z to
    // 24:00 = 00:00 -03 = 03:00Z on the 17th (25h, 23:00-24:00 twice). Sun 17 Feb: 03:00Z to 03:00Z on the 18th (24h).
    // Holidays Fri 2 Nov 2018 (Finados) and Thu 15 Nov 2018.
    private static readonly BusinessCalendar SaoPaulo = BusinessCalendar.Create("America/Sao_Paulo")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(18, 0))
        .Open(DayOfWeek.Saturday, new TimeOnly(0, 0), new TimeOnly(0, 0))
        .Open(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(0, 0))
        .Break(new DateOnly(2018, 11, 4), new TimeOnly(0, 30), new TimeOnly(1, 30))
        .Holidays([new DateOnly(2018, 11, 2), new DateOnly(2018, 11, 15)])
        .Build();

    // UTC+8 all year. Monday to Thursday and Saturday 08:00-12:00 and 14:00-17:00 = 00-04Z and 06-09Z; Friday and Sunday
    // closed. A local date runs from 16:00Z the day before. Wed 4 Mar: holiday. Fri 6 Mar: own hours 09-11 = 01-03Z.
    // Mon 9 Mar: break 10-11 -> 00-02Z, 03-04Z, 06-09Z.
    private static readonly BusinessCalendar Brunei = BusinessCalendar.Create("Asia/Brunei")
        .Open(DayOfWeek.Monday, [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0))])
        .Open(DayOfWeek.Tuesday, [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0))])
        .Open(DayOfWeek.Wednesday, [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0))])
        .Open(DayOfWeek.Thursday, [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0))])
        .Open(DayOfWeek.Saturday, [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0))])
        .OpenOn(new DateOnly(2026, 3, 6), new TimeOnly(9, 0), new TimeOnly(11, 0))
        .Break(new DateOnly(2026, 3, 9), new TimeOnly(10, 0), new TimeOnly(11, 0))
        .Holiday(new DateOnly(2026, 3, 4))
        .Build();

    // ---- Add ---------------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, double, string> Additions => new()
    {
        { "Utc", "across Wednesday's lunch break", "2026-03-04T11:00:00Z", 2, "2026-03-04T14:00:00Z" }, // 1h to 12:00, break 12-13, 1h from 13:00 -> 14:00Z
        { "Utc", "ends exactly at the break's start: that closing", "2026-03-04T10:00:00Z", 2, "2026-03-04T12:00:00Z" }, // 10:00 + 2h = 12:00, the morning's closing
        { "Utc", "zero at the break's start: the next opening", "2026-03-04T12:00:00Z", 0, "2026-03-04T13:00:00Z" }, // closed at 12:00 (end excluded) -> opening 13:00Z
        { "Utc", "Friday into Saturday's own hours", "2026-03-06T16:00:00Z", 3, "2026-03-07T12:00:00Z" }, // 1h to Fri 17:00, 2h from Sat 10:00 -> 12:00Z
        { "Utc", "over the Wednesday a break covers", "2026-03-10T16:00:00Z", 2, "2026-03-12T10:00:00Z" }, // 1h to Tue 17:00, Wed 11 none, 1h from Thu 09:00 -> 10:00Z
        { "Utc", "across the one-off closure", "2026-03-12T13:00:00Z", 2, "2026-03-12T16:00:00Z" }, // 1h to 14:00, closure 14-15, 1h from 15:00 -> 16:00Z
        { "Utc", "over the whole-day closure", "2026-03-17T16:30:00Z", 1, "2026-03-19T09:30:00Z" }, // 30m to Tue 17:00, Wed 18 closed, 30m from Thu 09:00 -> 09:30Z
        { "London", "Friday over the spring-forward weekend's own hours", "2026-03-27T16:00:00Z", 4, "2026-03-30T09:30:00Z" }, // 1h Fri to 17Z, 2h Sat 10-12Z, 30m Sun 01:30-02:00Z, 30m from Mon 10:00 BST (09:00Z, after the break) -> 09:30Z
        { "London", "from before the skipped opening", "2026-03-29T00:00:00Z", 0.25, "2026-03-29T01:45:00Z" }, // opens 01:30 local -> 02:30 BST = 01:30Z, +15m -> 01:45Z
        { "London", "the skipped-time half hour ends on its closing", "2026-03-29T01:30:00Z", 0.5, "2026-03-29T02:00:00Z" }, // 01:30Z + 30m = 02:00Z = 03:00 BST, the closing
        { "London", "the fall-back Sunday keeps both copies of 01:xx", "2026-10-24T23:30:00Z", 3, "2026-10-25T02:30:00Z" }, // 00:30 BST (23:30Z) + 3h = 02:30Z = 02:30 GMT, the closing
        { "London", "Friday BST into the fall-back Sunday", "2026-10-23T15:00:00Z", 2, "2026-10-25T00:30:00Z" }, // 1h to 17:00 BST (16Z), Sat none, 1h from 23:30Z -> 00:30Z (first 01:30, BST)
        { "London", "Easter, into the next block", "2026-04-02T15:00:00Z", 2, "2026-04-07T09:00:00Z" }, // 1h to Thu 17:00 BST (16Z), Fri/Mon holidays, 1h from Tue 09:00 BST (08Z) -> 09:00Z
        { "London", "Christmas: a holiday's own hours do not count", "2026-12-24T16:00:00Z", 2, "2026-12-29T10:00:00Z" }, // 1h to Thu 17Z, 25/26/28 holidays (26's 10-14 removed), 1h from Tue 09Z -> 10:00Z
        { "LondonNights", "29 March has no open time", "2026-03-22T01:30:00Z", 1, "2026-04-05T00:30:00Z" }, // 30m to 02:00Z, 29 Mar empty, 30m from 01:00 BST (00Z) -> 00:30Z
        { "LondonNights", "around the break in the repeated hour", "2026-10-25T00:00:00Z", 0.5, "2026-10-25T02:00:00Z" }, // 15m to 00:15Z, break to 01:45Z, 15m -> 02:00Z (02:00 GMT, the closing)
        { "LosAngeles", "Friday PST into Saturday's own hours", "2026-03-06T23:00:00Z", 3, "2026-03-07T19:00:00Z" }, // 15:00 PST: 2h to 17:00 PST (01Z), 1h from Sat 10:00 PST (18Z) -> 19:00Z
        { "LosAngeles", "Saturday into the interval inside the gap", "2026-03-07T21:00:00Z", 1.5, "2026-03-08T10:40:00Z" }, // 1h to 22Z, 30m from 02:10 -> 10:10Z -> 10:40Z
        { "LosAngeles", "the gap interval into Monday PDT", "2026-03-08T10:30:00Z", 1, "2026-03-09T16:40:00Z" }, // 20m to 10:50Z, 02:50-03:00 dropped, 40m from Mon 09:00 PDT (16Z) -> 16:40Z
        { "LosAngeles", "ends at 17:00 PDT, the next UTC date", "2026-03-09T22:00:00Z", 2, "2026-03-10T00:00:00Z" }, // 15:00 PDT + 2h = 17:00 PDT = 00:00Z on the 10th, the closing
        { "LosAngeles", "Friday PDT into the fall-back Sunday", "2026-10-30T23:00:00Z", 2, "2026-11-01T09:15:00Z" }, // 16:00 PDT: 1h to 00Z, 1h from 01:15 PDT (08:15Z) -> 09:15Z (the second 01:15, PST)
        { "LosAngeles", "over Monday's break", "2026-11-02T19:00:00Z", 2, "2026-11-02T22:00:00Z" }, // 11:00 PST: 1h to 12:00 (20Z), break, 1h from 13:00 (21Z) -> 22:00Z
        { "LosAngeles", "over Thanksgiving", "2026-11-25T23:00:00Z", 4, "2026-11-27T19:00:00Z" }, // Wed 15:00 PST: 2h to 01Z, Thu holiday, 2h from Fri 09:00 PST (17Z) -> 19:00Z
        { "Sydney", "across lunch", "2026-04-01T01:00:00Z", 1, "2026-04-01T03:00:00Z" }, // 12:00 AEDT: 30m to 12:30 (01:30Z), 30m from 13:30 (02:30Z) -> 03:00Z
        { "Sydney", "Thursday over Good Friday into the fall-back Sunday", "2026-04-02T05:00:00Z", 2, "2026-04-04T16:00:00Z" }, // 16:00 AEDT: 1h to 06Z, 1h from first 02:00 (15Z) -> 16:00Z (02:00 AEST)
        { "Sydney", "the fall-back Sunday into Tuesday AEST, next block", "2026-04-04T16:30:00Z", 2, "2026-04-07T00:30:00Z" }, // 30m to 17Z, Mon holiday, 1h30 from Tue 09:00 AEST (23Z on 6th) -> 00:30Z
        { "Sydney", "onto the Wednesday whose morning a break removes", "2026-04-07T06:00:00Z", 2, "2026-04-08T04:30:00Z" }, // Tue 16:00 AEST: 1h to 07Z, Wed from 13:30 (03:30Z) +1h -> 04:30Z
        { "Sydney", "across Thursday's break over lunch", "2026-04-08T23:30:00Z", 2, "2026-04-09T04:30:00Z" }, // 09:30 AEST: 1h30 to 11:00 (01Z), break to 14:00 (04Z), 30m -> 04:30Z
        { "Sydney", "Saturday into the spring-forward Sunday", "2026-10-03T01:00:00Z", 2, "2026-10-03T16:00:00Z" }, // Sat 11:00 AEST: 1h to 02Z, 1h from Sun 01:00 AEST (15Z) -> 16:00Z (03:00 AEDT)
        { "Sydney", "the spring-forward Sunday over Labour Day", "2026-10-03T16:30:00Z", 2, "2026-10-05T23:30:00Z" }, // 30m to 17Z, Mon holiday, 1h30 from Tue 09:00 AEDT (22Z on 5th) -> 23:30Z
        { "SaoPaulo", "Thursday over the holiday Friday", "2018-11-01T20:00:00Z", 2, "2018-11-03T04:00:00Z" }, // 17:00 -03: 1h to 21Z, Fri holiday, 1h from Sat 00:00 -03 (03Z) -> 04:00Z
        { "SaoPaulo", "Saturday's 24:00 in the gap meets Sunday's opening", "2018-11-04T02:00:00Z", 2, "2018-11-04T04:00:00Z" }, // Sat 23:00 -03: 1h to 03Z, Sun from 03Z +1h -> 04:00Z (02:00 -02)
        { "SaoPaulo", "the 23-hour Sunday ends on its closing", "2018-11-04T03:00:00Z", 23, "2018-11-05T02:00:00Z" }, // 03Z + 23h = 02:00Z on the 5th = 24:00 -02, the closing
        { "SaoPaulo", "the 23-hour Sunday into Monday -02", "2018-11-04T03:00:00Z", 24, "2018-11-05T12:00:00Z" }, // 23h Sun, 1h from Mon 09:00 -02 (11Z) -> 12:00Z
        { "SaoPaulo", "the 25-hour Saturday ends on its closing", "2019-02-16T02:00:00Z", 25, "2019-02-17T03:00:00Z" }, // 00:00 -02 (02Z) + 25h = 03:00Z = 24:00 -03
        { "SaoPaulo", "Friday -02 over the weekend to Monday -03", "2019-02-15T19:00:00Z", 51, "2019-02-18T13:00:00Z" }, // 17:00 -02: 1h to 20Z, Sat 25h, Sun 24h, 1h from Mon 09:00 -03 (12Z) -> 13:00Z
        { "SaoPaulo", "zero at Thursday's closing: Saturday's opening", "2018-11-01T21:00:00Z", 0, "2018-11-03T03:00:00Z" }, // closed at 18:00 -03, Fri holiday -> Sat 00:00 -03 = 03:00Z
        { "Brunei", "across lunch", "2026-03-02T03:00:00Z", 2, "2026-03-02T07:00:00Z" }, // 11:00: 1h to 12:00 (04Z), 1h from 14:00 (06Z) -> 07:00Z
        { "Brunei", "Tuesday over the holiday Wednesday", "2026-03-03T08:00:00Z", 2, "2026-03-05T01:00:00Z" }, // 16:00: 1h to 09Z, Wed holiday, 1h from Thu 08:00 (00Z) -> 01:00Z
        { "Brunei", "Thursday into Friday's own hours", "2026-03-05T08:30:00Z", 2, "2026-03-06T02:30:00Z" }, // 16:30: 30m to 09Z, 1h30 from Fri 09:00 (01Z) -> 02:30Z
        { "Brunei", "Saturday works, Sunday does not", "2026-03-07T08:00:00Z", 2, "2026-03-09T01:00:00Z" }, // Sat 16:00: 1h to 09Z, Sun closed, 1h from Mon 08:00 (00Z) -> 01:00Z
        { "Brunei", "over Monday's break to the morning's closing", "2026-03-09T01:00:00Z", 2, "2026-03-09T04:00:00Z" }, // 09:00: 1h to 10:00 (02Z), break, 1h from 11:00 (03Z) -> 04:00Z = 12:00
        { "Brunei", "local Monday begins on Sunday in UTC", "2026-03-01T20:00:00Z", 1, "2026-03-02T01:00:00Z" }, // Mon 04:00 local, opens 08:00 (00Z) +1h -> 01:00Z
    };

    [Theory]
    [MemberData(nameof(Additions))]
    public void Add_SixZones_GivesTheEarliestInstantTheAmountHasPassed(string calendar, string scenario, string start, double hours, string expected)
    {
        Calendar(calendar).Add(Z(start), TimeSpan.FromHours(hours)).Should().Be(Z(expected), scenario);
    }

    // ---- Subtract ----------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, double, string> Subtractions => new()
    {
        { "Utc", "back across Wednesday's lunch break", "2026-03-04T14:00:00Z", 2, "2026-03-04T11:00:00Z" }, // 1h back to 13:00, break, 1h back from 12:00 -> 11:00Z
        { "Utc", "ends exactly at the afternoon's opening: that opening", "2026-03-04T15:00:00Z", 2, "2026-03-04T13:00:00Z" }, // 15:00 - 2h = 13:00, an opening
        { "Utc", "zero inside the break: the previous closing", "2026-03-04T12:30:00Z", 0, "2026-03-04T12:00:00Z" }, // closed in the break -> its start 12:00Z
        { "Utc", "Monday back into Saturday's own hours", "2026-03-09T10:00:00Z", 3, "2026-03-07T12:00:00Z" }, // 1h to Mon 09:00, Sun none, 2h back from Sat 14:00 -> 12:00Z
        { "Utc", "Thursday back over the Wednesday a break covers", "2026-03-12T10:00:00Z", 2, "2026-03-10T16:00:00Z" }, // 1h to Thu 09:00, Wed none, 1h back from Tue 17:00 -> 16:00Z
        { "Utc", "back across the one-off closure", "2026-03-12T16:00:00Z", 2, "2026-03-12T13:00:00Z" }, // 1h to 15:00, closure, 1h back from 14:00 -> 13:00Z
        { "London", "Monday back into the skipped-time Sunday, to its opening", "2026-03-30T09:30:00Z", 1, "2026-03-29T01:30:00Z" }, // 30m to Mon 09:00Z, 30m = all of Sun 01:30-02:00Z -> its opening 01:30Z
        { "London", "further back into Saturday's own hours", "2026-03-30T09:30:00Z", 2, "2026-03-28T11:00:00Z" }, // 30m Mon, 30m Sun, 1h back from Sat 12:00Z -> 11:00Z
        { "London", "Monday back into the fall-back Sunday", "2026-10-26T10:00:00Z", 2, "2026-10-25T01:30:00Z" }, // 1h to Mon 09Z, 1h back from 02:30Z -> 01:30Z (the second 01:30, GMT)
        { "London", "back over the whole fall-back Sunday", "2026-10-26T10:00:00Z", 5, "2026-10-23T15:00:00Z" }, // 1h Mon, 3h Sun, 1h back from Fri 17:00 BST (16Z) -> 15:00Z
        { "London", "Easter, back into the previous block", "2026-04-07T09:00:00Z", 2, "2026-04-02T15:00:00Z" }, // 1h to Tue 09:00 BST (08Z), Mon/Fri holidays, 1h back from Thu 16Z -> 15:00Z
        { "London", "zero on the holiday Saturday with own hours", "2026-12-26T11:00:00Z", 0, "2026-12-24T17:00:00Z" }, // 26th has no open time -> Thu 24 17:00Z
        { "LondonNights", "back over 29 March, which has no open time", "2026-04-05T00:30:00Z", 1, "2026-03-22T01:30:00Z" }, // 30m to 00Z, 29 Mar empty, 30m back from 02:00Z -> 01:30Z
        { "LondonNights", "back across the break in the repeated hour", "2026-10-25T02:00:00Z", 0.5, "2026-10-25T00:00:00Z" }, // 15m to 01:45Z, break, 15m back from 00:15Z -> 00:00Z, the opening
        { "LosAngeles", "Monday PDT back into the gap interval", "2026-03-09T16:30:00Z", 1, "2026-03-08T10:20:00Z" }, // 30m to 16Z, 30m back from 10:50Z -> 10:20Z
        { "LosAngeles", "back over the gap interval into Saturday", "2026-03-09T16:30:00Z", 2, "2026-03-07T21:10:00Z" }, // 30m Mon, 40m Sun, 50m back from Sat 22Z -> 21:10Z
        { "LosAngeles", "Saturday back to Friday's closing on the next UTC date", "2026-03-07T19:00:00Z", 2, "2026-03-07T00:00:00Z" }, // 1h to 18Z, 1h back from Fri 17:00 PST (01Z) -> 00:00Z
        { "LosAngeles", "Monday PST back into the fall-back Sunday", "2026-11-02T17:30:00Z", 1, "2026-11-01T09:15:00Z" }, // 30m to 17Z, 30m back from 09:45Z -> 09:15Z (second 01:15)
        { "LosAngeles", "back across Monday's break", "2026-11-02T21:30:00Z", 1, "2026-11-02T19:30:00Z" }, // 30m to 21Z, break, 30m back from 20Z -> 19:30Z
        { "LosAngeles", "Friday back over Thanksgiving", "2026-11-27T18:00:00Z", 2, "2026-11-26T00:00:00Z" }, // 1h to 17Z, Thu holiday, 1h back from Wed 17:00 PST (01Z 26th) -> 00:00Z
        { "Sydney", "back across lunch", "2026-04-01T03:00:00Z", 1, "2026-04-01T01:00:00Z" }, // 14:00 AEDT: 30m to 02:30Z, 30m back from 01:30Z -> 01:00Z
        { "Sydney", "Tuesday AEST back into the fall-back Sunday", "2026-04-06T23:30:00Z", 1, "2026-04-04T16:30:00Z" }, // 09:30 AEST: 30m to 23Z, Mon holiday, 30m back from 17Z -> 16:30Z
        { "Sydney", "back over the fall-back Sunday to Thursday AEDT", "2026-04-06T23:30:00Z", 3, "2026-04-02T05:30:00Z" }, // 30m Tue, 2h Sun, 30m back from Thu 17:00 AEDT (06Z) -> 05:30Z
        { "Sydney", "the afternoon-only Wednesday back to Tuesday", "2026-04-08T04:00:00Z", 1, "2026-04-07T06:30:00Z" }, // 14:00 AEST: 30m to 03:30Z, no morning, 30m back from Tue 07Z -> 06:30Z
        { "Sydney", "the spring-forward Sunday back to Saturday", "2026-10-03T16:30:00Z", 2, "2026-10-03T01:30:00Z" }, // 1h30 back to 15Z, 30m back from Sat 12:00 AEST (02Z) -> 01:30Z
        { "Sydney", "after Labour Day back to the spring-forward Sunday", "2026-10-05T22:30:00Z", 1, "2026-10-03T16:30:00Z" }, // Tue 09:30 AEDT: 30m to 22Z, Mon holiday, 30m back from 17Z -> 16:30Z
        { "SaoPaulo", "Sunday back across the gap into Saturday", "2018-11-04T04:00:00Z", 2, "2018-11-04T02:00:00Z" }, // 1h to 03Z (Sun opening = Sat closing), 1h more -> 02:00Z (Sat 23:00 -03)
        { "SaoPaulo", "Monday back over the 23-hour Sunday, to its opening", "2018-11-05T12:00:00Z", 24, "2018-11-04T03:00:00Z" }, // 1h to 11Z, 23h = all of Sunday -> its opening 03:00Z
        { "SaoPaulo", "Saturday back over the holiday Friday", "2018-11-03T04:00:00Z", 2, "2018-11-01T20:00:00Z" }, // 1h to 03Z, Fri holiday, 1h back from Thu 18:00 -03 (21Z) -> 20:00Z
        { "SaoPaulo", "Monday -03 back over 24h Sunday and 25h Saturday", "2019-02-18T13:00:00Z", 50, "2019-02-16T02:00:00Z" }, // 1h to 12Z, 24h Sun, 25h Sat -> its opening 02:00Z
        { "SaoPaulo", "back into the first copy of 23:00", "2019-02-17T03:00:00Z", 2, "2019-02-17T01:00:00Z" }, // 03Z - 2h = 01:00Z, before the change: 23:00 -02, the first 23:00
        { "Brunei", "back across lunch", "2026-03-02T07:00:00Z", 2, "2026-03-02T03:00:00Z" }, // 15:00: 1h to 06Z, 1h back from 04Z -> 03:00Z
        { "Brunei", "Thursday back over the holiday", "2026-03-05T01:00:00Z", 2, "2026-03-03T08:00:00Z" }, // 1h to 00Z, Wed holiday, 1h back from Tue 17:00 (09Z) -> 08:00Z
        { "Brunei", "Saturday back into Friday's own hours", "2026-03-07T00:30:00Z", 1, "2026-03-06T02:30:00Z" }, // 30m to 00Z, 30m back from Fri 11:00 (03Z) -> 02:30Z
        { "Brunei", "Monday back over the break to its opening", "2026-03-09T03:30:00Z", 2.5, "2026-03-09T00:00:00Z" }, // 30m to 03Z, break, 2h back from 02Z -> 00:00Z, the opening
        { "Brunei", "zero on Sunday: Saturday's closing", "2026-03-08T05:00:00Z", 0, "2026-03-07T09:00:00Z" }, // Sun closed -> Sat 17:00 = 09:00Z
    };

    [Theory]
    [MemberData(nameof(Subtractions))]
    public void Subtract_SixZones_GivesTheLatestInstantFromWhichTheAmountRemains(string calendar, string scenario, string end, double hours, string expected)
    {
        Calendar(calendar).Subtract(Z(end), TimeSpan.FromHours(hours)).Should().Be(Z(expected), scenario);
    }

    // ---- AddBusinessDays ---------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, int, string> BusinessDayAdditions => new()
    {
        { "Utc", "open: kept", "2026-03-02T10:00:00Z", 1, "2026-03-03T10:00:00Z" }, // Mon 10:00 -> Tue 10:00, open
        { "Utc", "zero on an open business date: the instant itself", "2026-03-03T11:30:00Z", 0, "2026-03-03T11:30:00Z" }, // Tue is a business date, 11:30 open
        { "Utc", "zero on Sunday: the next business date", "2026-03-08T10:00:00Z", 0, "2026-03-09T10:00:00Z" }, // Sun -> Mon 10:00, open
        { "Utc", "onto Saturday's own hours", "2026-03-06T11:00:00Z", 1, "2026-03-07T11:00:00Z" }, // next business date Sat 7, 11:00 in 10-14
        { "Utc", "after Saturday's close: the next opening", "2026-03-06T16:00:00Z", 1, "2026-03-09T09:00:00Z" }, // Sat 16:00 closed, not a closing -> Mon 09:00Z
        { "Utc", "skips the Wednesday a break covers", "2026-03-10T10:00:00Z", 1, "2026-03-12T10:00:00Z" }, // Wed 11 not a business date -> Thu 10:00, open
        { "Utc", "into the one-off closure: its end", "2026-03-10T14:30:00Z", 1, "2026-03-12T15:00:00Z" }, // Thu 14:30 in the closure -> next opening 15:00Z
        { "Utc", "into Wednesday's break: its end", "2026-03-03T12:30:00Z", 1, "2026-03-04T13:00:00Z" }, // Wed 12:30 in the break -> next opening 13:00Z
        { "Utc", "onto the break's start, a closing: kept", "2026-03-03T12:00:00Z", 1, "2026-03-04T12:00:00Z" }, // Wed 12:00 closes the morning -> kept
        { "Utc", "exactly 17:00: kept", "2026-03-02T17:00:00Z", 1, "2026-03-03T17:00:00Z" }, // Tue 17:00 is a closing -> kept
        { "London", "Friday GMT to Saturday's own hours", "2026-03-27T10:00:00Z", 1, "2026-03-28T10:00:00Z" }, // Sat 28 10:00 GMT = 10:00Z, the opening
        { "London", "two: Sunday 10:00 BST is closed, Monday's opening", "2026-03-27T10:00:00Z", 2, "2026-03-30T09:00:00Z" }, // Sun 29 10:00 BST (09Z) closed -> next opening Mon 10:00 BST (09Z, after the break)
        { "London", "three: Monday 10:00 BST, just after the break", "2026-03-27T10:00:00Z", 3, "2026-03-30T09:00:00Z" }, // Mon 30 10:00 BST = 09:00Z, open
        { "London", "a time the target date skips moves on by the gap", "2026-03-28T01:45:00Z", 1, "2026-03-29T01:45:00Z" }, // Sat 01:45 GMT -> Sun 01:45 skipped -> 02:45 BST = 01:45Z, open
        { "London", "into the repeated hour: the first copy", "2026-10-23T00:45:00Z", 1, "2026-10-25T00:45:00Z" }, // Fri 01:45 BST -> next business date Sun 25 (Sat none), first 01:45 (BST) = 00:45Z, open
        { "London", "Easter: Thursday to Tuesday", "2026-04-02T14:00:00Z", 1, "2026-04-07T14:00:00Z" }, // Thu 15:00 BST -> Tue 7 15:00 BST = 14:00Z
        { "London", "Christmas Eve over four holidays", "2026-12-24T11:00:00Z", 1, "2026-12-29T11:00:00Z" }, // 25, 26 (own hours removed), 28 holidays -> Tue 29 11:00Z
        { "London", "after close: the day after's next opening", "2026-03-26T18:00:00Z", 1, "2026-03-28T10:00:00Z" }, // Thu 18:00 -> Fri 18:00 closed -> Sat 28 opens 10:00Z
        { "LondonNights", "over the Sunday without open time", "2026-03-22T01:30:00Z", 1, "2026-04-05T00:30:00Z" }, // 29 Mar not a business date -> 5 Apr 01:30 BST = 00:30Z, open
        { "LondonNights", "into the break of the repeated hour: its end", "2026-10-18T00:30:00Z", 1, "2026-10-25T01:45:00Z" }, // 01:30 BST -> 25 Oct first 01:30 (00:30Z), in the break -> 01:45Z
        { "LosAngeles", "Friday PST to Saturday's own hours", "2026-03-06T19:00:00Z", 1, "2026-03-07T19:00:00Z" }, // 11:00 PST -> Sat 11:00 PST = 19:00Z, open
        { "LosAngeles", "onto the gap Sunday: 02:30 moves on to 03:30 PDT", "2026-03-07T10:30:00Z", 1, "2026-03-08T10:30:00Z" }, // Sat 02:30 PST -> Sun 02:30 skipped -> 10:30Z, open (10:10-10:50Z)
        { "LosAngeles", "the gap Sunday to Monday: closed at 03:30 PDT", "2026-03-08T10:30:00Z", 1, "2026-03-09T16:00:00Z" }, // Sun 03:30 PDT -> Mon 03:30 PDT (10:30Z) closed -> 09:00 PDT = 16:00Z
        { "LosAngeles", "zero from the second 01:30 of the repeated hour: the instant itself, not its first copy", "2026-11-01T09:30:00Z", 0, "2026-11-01T09:30:00Z" }, // 01:30 PST is open on a business date: kept as it is
        { "LosAngeles", "Friday to Sunday evening, closed: Monday's opening", "2026-10-30T23:00:00Z", 1, "2026-11-02T17:00:00Z" }, // Fri 16:00 PDT -> Sun 1 16:00 PST (00Z 2nd) closed -> Mon 09:00 PST = 17:00Z
        { "LosAngeles", "over Thanksgiving", "2026-11-25T18:00:00Z", 1, "2026-11-27T18:00:00Z" }, // Wed 10:00 PST -> Fri 27 10:00 PST = 18:00Z
        { "Sydney", "lunchtime: the afternoon's opening", "2026-04-01T02:00:00Z", 1, "2026-04-02T02:30:00Z" }, // Wed 13:00 AEDT -> Thu 13:00 (02Z) closed -> 13:30 = 02:30Z
        { "Sydney", "12:30, a closing: kept", "2026-04-01T01:30:00Z", 1, "2026-04-02T01:30:00Z" }, // Thu 12:30 AEDT = 01:30Z, the morning's closing
        { "Sydney", "onto the fall-back Sunday: the first 02:30", "2026-04-01T15:30:00Z", 1, "2026-04-04T15:30:00Z" }, // Thu 02:30 AEDT -> Sun 5 (Fri holiday, Sat none), first 02:30 (AEDT) = 15:30Z, open
        { "Sydney", "two, AEDT to AEST over the holidays", "2026-04-01T23:00:00Z", 2, "2026-04-07T00:00:00Z" }, // Thu 10:00 AEDT -> Sun 5 -> Tue 7 10:00 AEST = 00:00Z
        { "Sydney", "onto the morning a break removes", "2026-04-06T23:30:00Z", 1, "2026-04-08T03:30:00Z" }, // Tue 09:30 AEST -> Wed 09:30 closed -> 13:30 AEST = 03:30Z
        { "Sydney", "onto the spring-forward Sunday: 02:30 moves on to 03:30 AEDT", "2026-10-02T16:30:00Z", 1, "2026-10-03T16:30:00Z" }, // Sat 02:30 AEST -> Sun 02:30 skipped -> 02:30-10h = 16:30Z, open
        { "SaoPaulo", "onto the gap Sunday: 00:30 moves on to 01:30 -02", "2018-11-03T03:30:00Z", 1, "2018-11-04T03:30:00Z" }, // Sat 00:30 -03 -> Sun 00:30 skipped -> 00:30+3h = 03:30Z, open
        { "SaoPaulo", "Thursday over the holiday to Saturday", "2018-11-01T13:00:00Z", 1, "2018-11-03T13:00:00Z" }, // Thu 10:00 -03 -> Sat 10:00 -03 = 13:00Z
        { "SaoPaulo", "Sunday -02 to Monday -02", "2018-11-04T14:00:00Z", 1, "2018-11-05T14:00:00Z" }, // Sun 12:00 -02 -> Mon 12:00 -02 = 14:00Z
        { "SaoPaulo", "Friday 23:30 to Saturday: the first 23:30", "2019-02-16T01:30:00Z", 1, "2019-02-17T01:30:00Z" }, // Fri 23:30 -02 -> Sat 16 first 23:30 (-02) = 01:30Z on the 17th, open
        { "SaoPaulo", "Sunday evening to Monday after close: Tuesday's opening", "2019-02-17T23:00:00Z", 1, "2019-02-19T12:00:00Z" }, // Sun 20:00 -03 -> Mon 20:00 closed -> Tue 09:00 -03 = 12:00Z
        { "Brunei", "lunchtime: the afternoon's opening", "2026-03-02T05:00:00Z", 1, "2026-03-03T06:00:00Z" }, // Mon 13:00 -> Tue 13:00 closed -> 14:00 = 06:00Z
        { "Brunei", "over the holiday Wednesday", "2026-03-03T01:00:00Z", 1, "2026-03-05T01:00:00Z" }, // Tue 09:00 -> Thu 09:00 = 01:00Z
        { "Brunei", "onto Friday's own hours", "2026-03-05T02:00:00Z", 1, "2026-03-06T02:00:00Z" }, // Thu 10:00 -> Fri 10:00 = 02:00Z, in 09-11
        { "Brunei", "Friday's own hours to Saturday", "2026-03-06T02:00:00Z", 1, "2026-03-07T02:00:00Z" }, // Fri 10:00 -> Sat 10:00 = 02:00Z
        { "Brunei", "into Monday's break: its end", "2026-03-07T02:30:00Z", 1, "2026-03-09T03:00:00Z" }, // Sat 10:30 -> Mon 10:30 in the break -> 11:00 = 03:00Z
    };

    [Theory]
    [MemberData(nameof(BusinessDayAdditions))]
    public void AddBusinessDays_SixZones_KeepsTheLocalTimeOrMovesToTheNextOpening(string calendar, string scenario, string instant, int days, string expected)
    {
        Calendar(calendar).AddBusinessDays(Z(instant), days).Should().Be(Z(expected), scenario);
    }

    // ---- SubtractBusinessDays ----------------------------------------------------------------------------------

    public static TheoryData<string, string, string, int, string> BusinessDaySubtractions => new()
    {
        { "Utc", "open: kept", "2026-03-03T10:00:00Z", 1, "2026-03-02T10:00:00Z" }, // Tue 10:00 -> Mon 10:00, open
        { "Utc", "onto Saturday's own hours", "2026-03-09T11:00:00Z", 1, "2026-03-07T11:00:00Z" }, // Mon -> Sat 7 (a business date) 11:00, open
        { "Utc", "after Saturday's close: its closing", "2026-03-09T16:00:00Z", 1, "2026-03-07T14:00:00Z" }, // Sat 16:00 closed -> previous closing 14:00Z
        { "Utc", "skips the Wednesday a break covers", "2026-03-12T10:00:00Z", 1, "2026-03-10T10:00:00Z" }, // Wed 11 not a business date -> Tue 10:00
        { "Utc", "into Wednesday's break: its start", "2026-03-05T12:30:00Z", 1, "2026-03-04T12:00:00Z" }, // Wed 12:30 in the break -> previous closing 12:00Z
        { "Utc", "zero on Sunday: Saturday", "2026-03-08T13:00:00Z", 0, "2026-03-07T13:00:00Z" }, // Sun -> previous business date Sat 7, 13:00 open
        { "Utc", "before opening: the previous closing", "2026-03-10T08:00:00Z", 1, "2026-03-07T14:00:00Z" }, // Tue 08:00 -> Mon 08:00 closed -> Sat 14:00Z
        { "London", "BST to BST", "2026-03-31T10:30:00Z", 1, "2026-03-30T10:30:00Z" }, // Tue 11:30 BST -> Mon 11:30 BST = 10:30Z
        { "London", "onto the spring-forward Sunday: its closing", "2026-03-30T10:30:00Z", 1, "2026-03-29T02:00:00Z" }, // Mon 11:30 BST -> Sun 11:30 BST (10:30Z) closed -> 03:00 BST = 02:00Z
        { "London", "two: Saturday keeps 10:00 GMT", "2026-03-30T09:00:00Z", 2, "2026-03-28T10:00:00Z" }, // Mon 10:00 BST -> Sun -> Sat 10:00 GMT = 10:00Z, open
        { "London", "onto the fall-back Sunday: 02:00 GMT is open", "2026-10-26T02:00:00Z", 1, "2026-10-25T02:00:00Z" }, // Mon 02:00 GMT -> Sun 02:00 GMT = 02:00Z, in 23:30Z-02:30Z
        { "London", "Easter: Tuesday to Thursday", "2026-04-07T12:00:00Z", 1, "2026-04-02T12:00:00Z" }, // Tue 13:00 BST -> Thu 13:00 BST = 12:00Z
        { "London", "after Christmas over four holidays", "2026-12-29T12:00:00Z", 1, "2026-12-24T12:00:00Z" }, // Tue 29 -> Thu 24 12:00Z
        { "LondonNights", "back over the Sunday without open time", "2026-04-05T00:30:00Z", 1, "2026-03-22T01:30:00Z" }, // 01:30 BST -> 22 Mar 01:30 GMT = 01:30Z
        { "LosAngeles", "onto the gap Sunday: its closing", "2026-03-09T16:00:00Z", 1, "2026-03-08T10:50:00Z" }, // Mon 09:00 PDT -> Sun 09:00 PDT (16Z) closed -> 10:50Z
        { "LosAngeles", "two: Saturday keeps 12:00 PST", "2026-03-09T19:00:00Z", 2, "2026-03-07T20:00:00Z" }, // Mon 12:00 PDT -> Sun -> Sat 12:00 PST = 20:00Z, open
        { "LosAngeles", "into Monday's break: its start", "2026-11-03T20:30:00Z", 1, "2026-11-02T20:00:00Z" }, // Tue 12:30 PST -> Mon 12:30 in the break -> 12:00 PST = 20:00Z
        { "LosAngeles", "onto the fall-back Sunday: the first 01:30", "2026-11-02T09:30:00Z", 1, "2026-11-01T08:30:00Z" }, // Mon 01:30 PST -> Sun first 01:30 (PDT) = 08:30Z, open
        { "LosAngeles", "back over Thanksgiving", "2026-11-27T18:00:00Z", 1, "2026-11-25T18:00:00Z" }, // Fri 10:00 PST -> Wed 10:00 PST = 18:00Z
        { "Sydney", "onto the fall-back Sunday: its closing", "2026-04-07T00:00:00Z", 1, "2026-04-04T17:00:00Z" }, // Tue 10:00 AEST -> Sun 10:00 (00Z 5th) closed -> 03:00 AEST = 17:00Z 4th
        { "Sydney", "two: Thursday keeps 10:00 AEDT", "2026-04-07T00:00:00Z", 2, "2026-04-01T23:00:00Z" }, // -> Sun 5 -> Thu 2 10:00 AEDT = 23:00Z 1st
        { "Sydney", "into Thursday's break: the morning's closing", "2026-04-10T02:45:00Z", 1, "2026-04-09T01:00:00Z" }, // Fri 12:45 AEST -> Thu 12:45 in the break 11-14 -> 11:00 = 01:00Z
        { "Sydney", "onto the spring-forward Sunday: 02:30 moves on", "2026-10-05T15:30:00Z", 1, "2026-10-03T16:30:00Z" }, // Tue 02:30 AEDT -> Sun 4 02:30 skipped -> 16:30Z, open
        { "SaoPaulo", "Monday to Sunday, both -02", "2018-11-05T14:00:00Z", 1, "2018-11-04T14:00:00Z" }, // Mon 12:00 -02 -> Sun 12:00 -02 = 14:00Z
        { "SaoPaulo", "onto the gap Sunday: 00:30 moves on", "2018-11-05T02:30:00Z", 1, "2018-11-04T03:30:00Z" }, // Mon 00:30 -02 -> Sun 00:30 skipped -> 03:30Z (01:30 -02), open
        { "SaoPaulo", "onto the 25-hour Saturday: the first 23:30", "2019-02-18T02:30:00Z", 1, "2019-02-17T01:30:00Z" }, // Sun 23:30 -03 -> Sat first 23:30 (-02) = 01:30Z, open
        { "SaoPaulo", "Saturday evening to Thursday, over the holiday: its closing", "2018-11-03T22:00:00Z", 1, "2018-11-01T21:00:00Z" }, // Sat 19:00 -03 -> Thu 19:00 closed -> 18:00 -03 = 21:00Z
        { "Brunei", "back over the holiday", "2026-03-05T01:00:00Z", 1, "2026-03-03T01:00:00Z" }, // Thu 09:00 -> Tue 09:00 = 01:00Z
        { "Brunei", "onto Friday's own hours after their close", "2026-03-07T07:00:00Z", 1, "2026-03-06T03:00:00Z" }, // Sat 15:00 -> Fri 15:00 closed -> 11:00 = 03:00Z
        { "Brunei", "Monday to Saturday over Sunday", "2026-03-09T07:00:00Z", 1, "2026-03-07T07:00:00Z" }, // Mon 15:00 -> Sat 15:00 = 07:00Z
        { "Brunei", "lunchtime: the morning's closing", "2026-03-03T05:00:00Z", 1, "2026-03-02T04:00:00Z" }, // Tue 13:00 -> Mon 13:00 closed -> 12:00 = 04:00Z
    };

    [Theory]
    [MemberData(nameof(BusinessDaySubtractions))]
    public void SubtractBusinessDays_SixZones_KeepsTheLocalTimeOrMovesToThePreviousClosing(string calendar, string scenario, string instant, int days, string expected)
    {
        Calendar(calendar).SubtractBusinessDays(Z(instant), days).Should().Be(Z(expected), scenario);
    }

    // ---- Elapsed -----------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, string, string> Measurements => new()
    {
        { "Utc", "Wednesday with its break", "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z", "07:00" }, // 09-12 + 13-17 = 3h + 4h
        { "Utc", "a week with a break day and two closures", "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z", "1.07:00" }, // Mon 8 + Tue 8 + Wed 0 + Thu 7 + Fri 8 = 31h
        { "Utc", "Friday to Monday over Saturday's own hours", "2026-03-06T16:00:00Z", "2026-03-09T10:00:00Z", "06:00" }, // Fri 1h + Sat 4h + Mon 1h
        { "Utc", "reversed: zero", "2026-03-03T12:00:00Z", "2026-03-02T12:00:00Z", "00:00" }, // to before from
        { "Utc", "equal: zero", "2026-03-03T12:00:00Z", "2026-03-03T12:00:00Z", "00:00" }, // to == from
        { "London", "the spring-forward weekend", "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z", "17:30" }, // Fri 8 + Sat 2 + Sun 0:30 + Mon 7 (break) = 17h30
        { "London", "the fall-back Sunday", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", "03:00" }, // 23:30Z-02:30Z
        { "London", "across Easter and the block boundary", "2026-04-02T12:00:00Z", "2026-04-07T12:00:00Z", "08:00" }, // Thu 12-16Z 4h + Tue 08-12Z 4h
        { "London", "Christmas week", "2026-12-24T00:00:00Z", "2026-12-30T00:00:00Z", "16:00" }, // Thu 24 8h + Tue 29 8h
        { "LondonNights", "over the Sunday without open time", "2026-03-22T00:00:00Z", "2026-04-06T00:00:00Z", "02:00" }, // 22 Mar 1h + 29 Mar 0 + 5 Apr 1h
        { "LondonNights", "the fall-back Sunday less its break", "2026-10-25T00:00:00Z", "2026-10-26T00:00:00Z", "00:30" }, // 00:00-00:15Z + 01:45-02:00Z
        { "LosAngeles", "the gap Sunday", "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", "00:40" }, // 10:10-10:50Z
        { "LosAngeles", "Friday PST to Monday PDT", "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z", "21:40" }, // Thu's 00-01Z 1h + Fri 8h + Sat 4h + Sun 0:40 + Mon 16-24Z 8h
        { "LosAngeles", "the fall-back Sunday", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "01:30" }, // 08:15-09:45Z
        { "LosAngeles", "Monday with its break", "2026-11-02T00:00:00Z", "2026-11-03T08:00:00Z", "07:00" }, // 17-20Z 3h + 21-01Z 4h
        { "LosAngeles", "over Thanksgiving", "2026-11-25T23:00:00Z", "2026-11-27T18:00:00Z", "03:00" }, // Wed 23-01Z 2h + Thu 0 + Fri 17-18Z 1h
        { "Sydney", "a Wednesday AEDT", "2026-03-31T12:00:00Z", "2026-04-01T12:00:00Z", "07:00" }, // 22:00Z-01:30Z 3h30 + 02:30-06:00Z 3h30
        { "Sydney", "the fall-back Sunday", "2026-04-04T00:00:00Z", "2026-04-05T00:00:00Z", "02:00" }, // 15-17Z
        { "Sydney", "Thursday over Easter to Tuesday noon", "2026-04-02T00:00:00Z", "2026-04-07T12:00:00Z", "14:00" }, // Thu 00-01:30 + 02:30-06 = 5h, Sun 2h, Tue 23-02:30 + 03:30-07 = 7h
        { "Sydney", "Thursday with the break over lunch", "2026-04-08T12:00:00Z", "2026-04-09T12:00:00Z", "05:00" }, // 23:00Z-01:00Z 2h + 04-07Z 3h
        { "Sydney", "the spring-forward weekend and Labour Day", "2026-10-02T12:00:00Z", "2026-10-06T12:00:00Z", "11:00" }, // Sat 2h + Sun 2h + Mon 0 + Tue 3h30 + 3h30
        { "SaoPaulo", "Saturday into the gap Sunday", "2018-11-03T00:00:00Z", "2018-11-05T00:00:00Z", "1.21:00" }, // Sat 03Z-03Z 24h + Sun 03Z-00Z 21h = 45h
        { "SaoPaulo", "Saturday's last hours, the 23-hour Sunday and Monday", "2018-11-04T00:00:00Z", "2018-11-06T00:00:00Z", "1.11:00" }, // Sat 00-03Z 3h (21:00-24:00 -03) + Sun 23h + Mon 11-20Z 9h = 35h
        { "SaoPaulo", "the 25-hour Saturday", "2019-02-16T00:00:00Z", "2019-02-18T00:00:00Z", "1.22:00" }, // Sat 02Z-03Z 25h + Sun 03Z-00Z 21h
        { "SaoPaulo", "across the repeated hour", "2019-02-17T01:00:00Z", "2019-02-17T02:30:00Z", "01:30" }, // first 23:00 -02 to second 23:30 -03, all open
        { "SaoPaulo", "over the holiday Friday", "2018-11-01T20:00:00Z", "2018-11-03T04:00:00Z", "02:00" }, // Thu 20-21Z 1h + Fri 0 + Sat 03-04Z 1h
        { "Brunei", "a local Monday", "2026-03-01T16:00:00Z", "2026-03-02T16:00:00Z", "07:00" }, // 00-04Z + 06-09Z
        { "Brunei", "holiday Wednesday, Thursday, Friday's own hours", "2026-03-03T16:00:00Z", "2026-03-06T16:00:00Z", "09:00" }, // Wed 0 + Thu 7 + Fri 2
        { "Brunei", "Monday with its break", "2026-03-08T16:00:00Z", "2026-03-09T16:00:00Z", "06:00" }, // 2h + 1h + 3h
        { "Brunei", "half an hour either side of lunch", "2026-03-02T03:30:00Z", "2026-03-02T06:30:00Z", "01:00" }, // 03:30-04Z + 06-06:30Z
    };

    [Theory]
    [MemberData(nameof(Measurements))]
    public void Elapsed_SixZones_CountsTheOpenTimeBetweenTwoInstants(string calendar, string scenario, string from, string to, string expected)
    {
        Calendar(calendar).Elapsed(Z(from), Z(to)).Should().Be(Span(expected), scenario);
    }

    // ---- CloseOfBusinessDay ------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, int, string> Closes => new()
    {
        { "Utc", "Friday, 1: Saturday's own hours close", "2026-03-06T10:00:00Z", 1, "2026-03-07T14:00:00Z" }, // next business date after Fri is Sat 7, closing 14:00Z
        { "Utc", "Tuesday after close, 0: over the Wednesday a break covers", "2026-03-10T17:30:00Z", 0, "2026-03-12T17:00:00Z" }, // after close -> next business date Thu 12 (Wed 11 none)
        { "Utc", "in Wednesday's break, 0: Wednesday's close", "2026-03-04T12:30:00Z", 0, "2026-03-04T17:00:00Z" }, // before the last closing 17:00
        { "Utc", "Sunday, 1", "2026-03-08T12:00:00Z", 1, "2026-03-10T17:00:00Z" }, // counts as Mon 9, +1 -> Tue 10 17:00Z
        { "Utc", "on the whole-day closure, 0", "2026-03-18T10:00:00Z", 0, "2026-03-19T17:00:00Z" }, // Wed 18 not a business date -> Thu 19
        { "London", "Friday, 2: Saturday and Sunday have own hours", "2026-03-27T10:00:00Z", 2, "2026-03-29T02:00:00Z" }, // Sat 28 (1), Sun 29 (2), closing 03:00 BST = 02:00Z
        { "London", "in the skipped-time half hour, 0", "2026-03-29T01:45:00Z", 0, "2026-03-29T02:00:00Z" }, // Sun 29, before its 02:00Z closing
        { "London", "the fall-back Sunday, received on Saturday in UTC, 0", "2026-10-24T23:45:00Z", 0, "2026-10-25T02:30:00Z" }, // 00:45 BST Sun 25 -> its closing 02:30 GMT
        { "London", "Saturday without hours, 1", "2026-10-24T12:00:00Z", 1, "2026-10-26T17:00:00Z" }, // counts as Sun 25, +1 -> Mon 26 17:00 GMT
        { "London", "Thursday before Easter, 1", "2026-04-02T10:00:00Z", 1, "2026-04-07T16:00:00Z" }, // Fri/Mon holidays -> Tue 7 17:00 BST = 16:00Z
        { "London", "Christmas Eve at close, 0", "2026-12-24T17:00:00Z", 0, "2026-12-29T17:00:00Z" }, // at the closing counts as the next business date, Tue 29
        { "LondonNights", "after close, 0: over the Sunday without open time", "2026-03-22T03:00:00Z", 0, "2026-04-05T01:00:00Z" }, // 29 Mar none -> 5 Apr 02:00 BST = 01:00Z
        { "LondonNights", "the fall-back Sunday closes at 02:00 GMT", "2026-10-24T12:00:00Z", 0, "2026-10-25T02:00:00Z" }, // Sat none -> Sun 25, last closing 02:00Z
        { "LosAngeles", "Friday 16:30 PST, Saturday in UTC, 0", "2026-03-07T00:30:00Z", 0, "2026-03-07T01:00:00Z" }, // local Fri 6, closing 17:00 PST = 01:00Z
        { "LosAngeles", "the same, 1: Saturday's own hours", "2026-03-07T00:30:00Z", 1, "2026-03-07T22:00:00Z" }, // Sat 7 closes 14:00 PST = 22:00Z
        { "LosAngeles", "Saturday after close, 0: the gap Sunday", "2026-03-07T23:00:00Z", 0, "2026-03-08T10:50:00Z" }, // Sun 8 closes 10:50Z
        { "LosAngeles", "Sunday after its 40 minutes, 0: Monday PDT", "2026-03-08T12:00:00Z", 0, "2026-03-10T00:00:00Z" }, // Mon 9 closes 17:00 PDT = 00:00Z 10th
        { "LosAngeles", "Saturday without hours, 0: the fall-back Sunday", "2026-10-31T12:00:00Z", 0, "2026-11-01T09:45:00Z" }, // Sun 1 closes at the second 01:45 (PST)
        { "LosAngeles", "Wednesday before Thanksgiving, 1", "2026-11-25T18:00:00Z", 1, "2026-11-28T01:00:00Z" }, // Thu holiday -> Fri 27 17:00 PST = 01:00Z 28th
        { "Sydney", "Thursday before Easter, 1: the fall-back Sunday", "2026-04-02T05:00:00Z", 1, "2026-04-04T17:00:00Z" }, // next business date Sun 5, closing 03:00 AEST = 17:00Z 4th
        { "Sydney", "the same, 2: Tuesday AEST", "2026-04-02T05:00:00Z", 2, "2026-04-07T07:00:00Z" }, // Sun 5, Tue 7 17:00 AEST = 07:00Z
        { "Sydney", "at Thursday's closing, 0", "2026-04-02T06:00:00Z", 0, "2026-04-04T17:00:00Z" }, // 17:00 AEDT is the last closing -> next business date Sun 5
        { "Sydney", "Saturday before its own hours, 0", "2026-10-02T22:00:00Z", 0, "2026-10-03T02:00:00Z" }, // Sat 08:00 AEST -> Sat 3 closes 12:00 AEST = 02:00Z
        { "Sydney", "the spring-forward Sunday, 1: over Labour Day", "2026-10-03T15:30:00Z", 1, "2026-10-06T06:00:00Z" }, // Sun 01:30 AEST -> Sun 4, +1 -> Tue 6 17:00 AEDT = 06:00Z
        { "SaoPaulo", "Thursday, 1: Saturday's 24:00 is in the gap", "2018-11-01T13:00:00Z", 1, "2018-11-04T03:00:00Z" }, // Fri holiday -> Sat 3 closes at 01:00 -02 = 03:00Z 4th
        { "SaoPaulo", "Saturday, 1: the 23-hour Sunday", "2018-11-03T12:00:00Z", 1, "2018-11-05T02:00:00Z" }, // Sun 4 closes 24:00 -02 = 02:00Z 5th
        { "SaoPaulo", "Friday, 1: the 25-hour Saturday", "2019-02-15T13:00:00Z", 1, "2019-02-17T03:00:00Z" }, // Sat 16 closes 24:00 -03 = 03:00Z 17th
        { "SaoPaulo", "in the second copy of 23:30, 0", "2019-02-17T02:30:00Z", 0, "2019-02-17T03:00:00Z" }, // 23:30 -03 Sat 16, before its 03:00Z closing
        { "SaoPaulo", "on the holiday Thursday, 0", "2018-11-15T13:00:00Z", 0, "2018-11-16T20:00:00Z" }, // -> Fri 16 18:00 -02 = 20:00Z
        { "Brunei", "Tuesday evening, 0: over the holiday", "2026-03-03T10:00:00Z", 0, "2026-03-05T09:00:00Z" }, // Tue 18:00 after close -> Thu 5 17:00 = 09:00Z
        { "Brunei", "Thursday, 1: Friday's own hours", "2026-03-05T02:00:00Z", 1, "2026-03-06T03:00:00Z" }, // Fri 6 closes 11:00 = 03:00Z
        { "Brunei", "Sunday, 0", "2026-03-08T02:00:00Z", 0, "2026-03-09T09:00:00Z" }, // Sun 10:00 -> Mon 9 17:00 = 09:00Z
        { "Brunei", "Monday morning locally, Sunday in UTC, 0", "2026-03-08T23:00:00Z", 0, "2026-03-09T09:00:00Z" }, // Mon 07:00 local -> Mon 9 17:00 = 09:00Z
    };

    [Theory]
    [MemberData(nameof(Closes))]
    public void CloseOfBusinessDay_SixZones_GivesTheLastClosingOfTheNthBusinessDate(string calendar, string scenario, string received, int days, string expected)
    {
        Calendar(calendar).CloseOfBusinessDay(Z(received), days).Should().Be(Z(expected), scenario);
    }

    // ---- NextOpening and PreviousClosing -----------------------------------------------------------------------

    public static TheoryData<string, string, string, string, string> Boundaries => new()
    {
        { "Utc", "open: itself both ways", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z" }, // Mon 10:00 open
        { "Utc", "at an opening: open", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z" }, // start included
        { "Utc", "at a closing: closed, the closing itself going back", "2026-03-02T17:00:00Z", "2026-03-03T09:00:00Z", "2026-03-02T17:00:00Z" }, // end excluded -> Tue 09:00; itself back
        { "Utc", "in Wednesday's break", "2026-03-04T12:30:00Z", "2026-03-04T13:00:00Z", "2026-03-04T12:00:00Z" }, // break 12-13
        { "Utc", "on the Wednesday a break covers", "2026-03-11T12:00:00Z", "2026-03-12T09:00:00Z", "2026-03-10T17:00:00Z" }, // Wed 11 none -> Thu 09:00 / Tue 17:00
        { "Utc", "in the one-off closure", "2026-03-12T14:30:00Z", "2026-03-12T15:00:00Z", "2026-03-12T14:00:00Z" }, // closure 14-15Z
        { "London", "before the skipped-time opening", "2026-03-29T00:00:00Z", "2026-03-29T01:30:00Z", "2026-03-28T12:00:00Z" }, // Sun opens 01:30Z (02:30 BST); Sat closed 12:00Z
        { "London", "at 03:00 BST, the Sunday's closing", "2026-03-29T02:00:00Z", "2026-03-30T09:00:00Z", "2026-03-29T02:00:00Z" }, // Mon opens 10:00 BST after the break = 09:00Z
        { "London", "in Monday's break", "2026-03-30T08:30:00Z", "2026-03-30T09:00:00Z", "2026-03-29T02:00:00Z" }, // 09:30 BST; break ends 10:00 BST = 09Z; back to Sun 02:00Z
        { "London", "midnight BST before the fall-back opening", "2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-23T16:00:00Z" }, // Sun 00:00 BST; opens 00:30 BST; Fri closed 17:00 BST
        { "London", "the second 01:30: open", "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z" }, // 01:30 GMT in 23:30Z-02:30Z
        { "London", "the holiday Saturday with own hours", "2026-12-26T11:00:00Z", "2026-12-29T09:00:00Z", "2026-12-24T17:00:00Z" }, // 25-28 closed -> Tue 29 / Thu 24
        { "LondonNights", "on the Sunday without open time", "2026-03-29T01:30:00Z", "2026-04-05T00:00:00Z", "2026-03-22T02:00:00Z" }, // 29 Mar none -> 5 Apr 01:00 BST / 22 Mar 02:00 GMT
        { "LondonNights", "in the break, at the second 01:00", "2026-10-25T01:00:00Z", "2026-10-25T01:45:00Z", "2026-10-25T00:15:00Z" }, // break 00:15Z-01:45Z
        { "LosAngeles", "03:00 PDT, just after the gap", "2026-03-08T10:00:00Z", "2026-03-08T10:10:00Z", "2026-03-07T22:00:00Z" }, // opens 10:10Z; Sat closed 22Z
        { "LosAngeles", "at the gap interval's closing", "2026-03-08T10:50:00Z", "2026-03-09T16:00:00Z", "2026-03-08T10:50:00Z" }, // 02:50-03:00 dropped -> Mon 09:00 PDT
        { "LosAngeles", "the second 01:00: open", "2026-11-01T09:00:00Z", "2026-11-01T09:00:00Z", "2026-11-01T09:00:00Z" }, // 01:00 PST in 08:15-09:45Z
        { "LosAngeles", "the first 01:00: before the opening", "2026-11-01T08:00:00Z", "2026-11-01T08:15:00Z", "2026-10-31T00:00:00Z" }, // 01:00 PDT; opens first 01:15; Fri closed 00Z 31st
        { "LosAngeles", "Thanksgiving", "2026-11-26T20:00:00Z", "2026-11-27T17:00:00Z", "2026-11-26T01:00:00Z" }, // Fri 09:00 PST / Wed 17:00 PST
        { "Sydney", "lunchtime", "2026-04-01T02:00:00Z", "2026-04-01T02:30:00Z", "2026-04-01T01:30:00Z" }, // 13:00 AEDT: 13:30 / 12:30
        { "Sydney", "Saturday night before the fall-back Sunday", "2026-04-04T12:00:00Z", "2026-04-04T15:00:00Z", "2026-04-02T06:00:00Z" }, // 23:00 AEDT: first 02:00 / Thu 17:00 AEDT
        { "Sydney", "the morning a break removes", "2026-04-08T00:00:00Z", "2026-04-08T03:30:00Z", "2026-04-07T07:00:00Z" }, // Wed 10:00 AEST: 13:30 / Tue 17:00
        { "Sydney", "03:00 AEDT, just after the gap: open", "2026-10-03T16:00:00Z", "2026-10-03T16:00:00Z", "2026-10-03T16:00:00Z" }, // in 15-17Z
        { "Sydney", "at the spring-forward Sunday's closing", "2026-10-03T17:00:00Z", "2026-10-05T22:00:00Z", "2026-10-03T17:00:00Z" }, // Mon holiday -> Tue 09:00 AEDT = 22Z 5th
        { "SaoPaulo", "on the holiday Friday", "2018-11-02T12:00:00Z", "2018-11-03T03:00:00Z", "2018-11-01T21:00:00Z" }, // Sat 00:00 -03 / Thu 18:00 -03
        { "SaoPaulo", "01:00 -02, Saturday's closing and Sunday's opening", "2018-11-04T03:00:00Z", "2018-11-04T03:00:00Z", "2018-11-04T03:00:00Z" }, // open (Sunday's period starts here)
        { "SaoPaulo", "Monday night -02", "2018-11-05T05:00:00Z", "2018-11-05T11:00:00Z", "2018-11-05T02:00:00Z" }, // Mon 03:00 -02: 09:00 -02 / Sun 24:00 -02
        { "SaoPaulo", "the second 23:30: open", "2019-02-17T02:30:00Z", "2019-02-17T02:30:00Z", "2019-02-17T02:30:00Z" }, // in Sat 02Z-03Z(17th)
        { "SaoPaulo", "Monday evening -03", "2019-02-18T22:00:00Z", "2019-02-19T12:00:00Z", "2019-02-18T21:00:00Z" }, // 19:00 -03: Tue 09:00 / 18:00
        { "Brunei", "lunchtime", "2026-03-02T05:00:00Z", "2026-03-02T06:00:00Z", "2026-03-02T04:00:00Z" }, // 13:00: 14:00 / 12:00
        { "Brunei", "the holiday", "2026-03-04T03:00:00Z", "2026-03-05T00:00:00Z", "2026-03-03T09:00:00Z" }, // Thu 08:00 / Tue 17:00
        { "Brunei", "Friday after its own hours", "2026-03-06T04:00:00Z", "2026-03-07T00:00:00Z", "2026-03-06T03:00:00Z" }, // 12:00: Sat 08:00 / Fri 11:00
        { "Brunei", "Monday 02:00 locally, Sunday in UTC", "2026-03-08T18:00:00Z", "2026-03-09T00:00:00Z", "2026-03-07T09:00:00Z" }, // Mon 08:00 / Sat 17:00
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void NextOpeningAndPreviousClosing_SixZones_GiveTheInstantItselfWhenOpen(string calendar, string scenario, string instant, string next, string previous)
    {
        var subject = Calendar(calendar);

        subject.NextOpening(Z(instant)).Should().Be(Z(next), scenario);
        subject.PreviousClosing(Z(instant)).Should().Be(Z(previous), scenario);
    }

    // ---- Questions about an instant ----------------------------------------------------------------------------

    public static TheoryData<string, string, string, string, bool> InstantQuestions => new()
    {
        { "Utc", "the break's start closes the morning", "IsOpen", "2026-03-04T12:00:00Z", false }, // 09-12 excludes 12:00
        { "Utc", "the break's end opens the afternoon", "IsOpen", "2026-03-04T13:00:00Z", true }, // 13-17 includes 13:00
        { "Utc", "a break includes its start", "IsInBreak", "2026-03-04T12:00:00Z", true }, // break 12-13
        { "Utc", "a break excludes its end", "IsInBreak", "2026-03-04T13:00:00Z", false }, // break 12-13
        { "Utc", "a break counts outside the hours too", "IsInBreak", "2026-03-11T17:30:00Z", true }, // break 08-18 on 11 Mar
        { "Utc", "before the break", "IsInBreak", "2026-03-11T07:59:59Z", false }, // break starts 08:00
        { "Utc", "a closure includes its start", "IsInClosure", "2026-03-12T14:00:00Z", true }, // closure 14-15Z
        { "Utc", "a closure excludes its end", "IsInClosure", "2026-03-12T15:00:00Z", false }, // closure 14-15Z
        { "Utc", "Saturday's own hours", "IsOpen", "2026-03-07T10:00:00Z", true }, // own hours 10-14Z
        { "Utc", "the last second of Christmas", "IsHoliday", "2026-12-25T23:59:59Z", true }, // local date 25 Dec
        { "Utc", "the first second after Christmas", "IsHoliday", "2026-12-26T00:00:00Z", false }, // local date 26 Dec
        { "London", "the holiday Saturday with own hours is a holiday", "IsHoliday", "2026-12-26T11:00:00Z", true }, // 26 Dec
        { "London", "the holiday Saturday with own hours is closed", "IsOpen", "2026-12-26T11:00:00Z", false }, // the holiday removes 10-14
        { "London", "a minute before the skipped-time opening", "IsOpen", "2026-03-29T01:29:00Z", false }, // opens 01:30Z
        { "London", "the skipped-time opening", "IsOpen", "2026-03-29T01:30:00Z", true }, // 01:30 -> 02:30 BST = 01:30Z
        { "London", "the last second before 03:00 BST", "IsOpen", "2026-03-29T01:59:59Z", true }, // closes 02:00Z
        { "London", "03:00 BST", "IsOpen", "2026-03-29T02:00:00Z", false }, // closing excluded
        { "London", "00:30 BST on the fall-back Sunday", "IsOpen", "2026-10-24T23:30:00Z", true }, // opening 23:30Z on the 24th
        { "London", "the second 02:29", "IsOpen", "2026-10-25T02:29:00Z", true }, // closes 02:30Z
        { "London", "Easter Monday starts at midnight BST", "IsHoliday", "2026-04-05T23:30:00Z", true }, // 00:30 BST on Mon 6 Apr
        { "London", "in the Monday break", "IsInBreak", "2026-03-30T08:30:00Z", true }, // 09:30 BST in 09-10
        { "London", "at the Monday break's end", "IsInBreak", "2026-03-30T09:00:00Z", false }, // 10:00 BST
        { "LondonNights", "the break starts at the first 01:15", "IsInBreak", "2026-10-25T00:15:00Z", true }, // 01:15 BST = 00:15Z
        { "LondonNights", "a minute before the break", "IsInBreak", "2026-10-25T00:14:00Z", false }, // 01:14 BST
        { "LondonNights", "the break lasts until the second 01:45", "IsInBreak", "2026-10-25T01:44:00Z", true }, // 01:44 GMT
        { "LondonNights", "the break ends at the second 01:45", "IsInBreak", "2026-10-25T01:45:00Z", false }, // 01:45 GMT = 01:45Z
        { "LondonNights", "the second 01:00 is in the break", "IsOpen", "2026-10-25T01:00:00Z", false }, // 01:00 GMT in 00:15-01:45Z
        { "LondonNights", "the first 01:14 is open", "IsOpen", "2026-10-25T00:14:00Z", true }, // 00:00-00:15Z
        { "LosAngeles", "a minute before the gap interval", "IsOpen", "2026-03-08T10:09:00Z", false }, // opens 10:10Z
        { "LosAngeles", "the gap interval's opening", "IsOpen", "2026-03-08T10:10:00Z", true }, // 02:10 -> 10:10Z
        { "LosAngeles", "the gap interval's last minute", "IsOpen", "2026-03-08T10:49:00Z", true }, // closes 10:50Z
        { "LosAngeles", "17:00 PDT closes", "IsOpen", "2026-03-10T00:00:00Z", false }, // Mon 9 closing 00:00Z 10th
        { "LosAngeles", "a minute before 17:00 PDT", "IsOpen", "2026-03-09T23:59:00Z", true }, // 16:59 PDT
        { "LosAngeles", "Thanksgiving evening, Friday in UTC", "IsHoliday", "2026-11-27T03:00:00Z", true }, // 19:00 PST Thu 26
        { "LosAngeles", "the Monday break", "IsInBreak", "2026-11-02T20:00:00Z", true }, // 12:00 PST
        { "LosAngeles", "the Monday break's end", "IsInBreak", "2026-11-02T21:00:00Z", false }, // 13:00 PST
        { "LosAngeles", "the second 01:44", "IsOpen", "2026-11-01T09:44:00Z", true }, // 01:44 PST, before 09:45Z
        { "Sydney", "the first 02:00", "IsOpen", "2026-04-04T15:00:00Z", true }, // 02:00 AEDT, the opening
        { "Sydney", "a minute before 03:00 AEST", "IsOpen", "2026-04-04T16:59:00Z", true }, // closes 17:00Z
        { "Sydney", "03:00 AEST", "IsOpen", "2026-04-04T17:00:00Z", false }, // closing
        { "Sydney", "Good Friday, Thursday in UTC", "IsHoliday", "2026-04-02T14:00:00Z", true }, // 01:00 AEDT Fri 3
        { "Sydney", "the break over lunch", "IsInBreak", "2026-04-09T01:00:00Z", true }, // 11:00 AEST
        { "Sydney", "the break over lunch is closed", "IsOpen", "2026-04-09T01:00:00Z", false }, // 11:00 AEST
        { "Sydney", "the break's end", "IsInBreak", "2026-04-09T04:00:00Z", false }, // 14:00 AEST
        { "SaoPaulo", "Saturday's last second, 23:59:59 -03", "IsOpen", "2018-11-04T02:59:59Z", true }, // Sat 03Z-03Z
        { "SaoPaulo", "01:00 -02", "IsOpen", "2018-11-04T03:00:00Z", true }, // Sunday opens 03:00Z
        { "SaoPaulo", "a break in the gap has no length", "IsInBreak", "2018-11-04T03:30:00Z", false }, // 00:30 -> 03:30Z and 01:30 -02 = 03:30Z
        { "SaoPaulo", "so Sunday is open at 01:30 -02", "IsOpen", "2018-11-04T03:30:00Z", true }, // nothing cut
        { "SaoPaulo", "Finados evening, Saturday in UTC", "IsHoliday", "2018-11-03T02:30:00Z", true }, // Fri 2 23:30 -03
        { "SaoPaulo", "the second 23:59:59", "IsOpen", "2019-02-17T02:59:59Z", true }, // Sat 16 closes 03:00Z
        { "Brunei", "07:59:59 Monday", "IsOpen", "2026-03-01T23:59:59Z", false }, // opens 08:00 = 00:00Z
        { "Brunei", "08:00 Monday", "IsOpen", "2026-03-02T00:00:00Z", true }, // 00:00Z
        { "Brunei", "the holiday starts at 16:00Z", "IsHoliday", "2026-03-03T16:00:00Z", true }, // Wed 4 00:00 local
        { "Brunei", "a second before the holiday", "IsHoliday", "2026-03-03T15:59:59Z", false }, // Tue 3 23:59:59
        { "Brunei", "the Monday break", "IsInBreak", "2026-03-09T02:00:00Z", true }, // 10:00
        { "Brunei", "Friday's own hours", "IsOpen", "2026-03-06T01:00:00Z", true }, // 09:00
    };

    [Theory]
    [MemberData(nameof(InstantQuestions))]
    public void InstantQuestions_SixZones_AnswerForTheLocalDateAndTime(string calendar, string scenario, string question, string instant, bool expected)
    {
        var subject = Calendar(calendar);
        var at = Z(instant);

        var answer = question switch
        {
            "IsOpen" => subject.IsOpen(at),
            "IsHoliday" => subject.IsHoliday(at),
            "IsInBreak" => subject.IsInBreak(at),
            "IsInClosure" => subject.IsInClosure(at),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Not a question about an instant."),
        };

        answer.Should().Be(expected, scenario);
    }

    // ---- Questions about a date --------------------------------------------------------------------------------

    public static TheoryData<string, string, string, string, bool> DateQuestions => new()
    {
        { "Utc", "a Saturday with own hours", "IsBusinessDay", "2026-03-07", true }, // 10-14
        { "Utc", "a Sunday", "IsBusinessDay", "2026-03-08", false }, // no hours
        { "Utc", "a break covering all hours", "IsBusinessDay", "2026-03-11", false }, // 08-18 covers 09-17
        { "Utc", "a closure covering all hours", "IsBusinessDay", "2026-03-18", false }, // 00Z-24Z
        { "Utc", "a partial closure", "IsBusinessDay", "2026-03-12", true }, // 09-14, 15-17 remain
        { "Utc", "Christmas is a holiday", "IsHoliday", "2026-12-25", true }, // Holiday
        { "Utc", "Christmas is not a business date", "IsBusinessDay", "2026-12-25", false }, // no periods
        { "Utc", "a break is not a holiday", "IsHoliday", "2026-03-11", false }, // only holidays count
        { "London", "the spring-forward Sunday's own hours", "IsBusinessDay", "2026-03-29", true }, // 01:30-02:00Z
        { "London", "the fall-back Sunday's own hours", "IsBusinessDay", "2026-10-25", true }, // 23:30Z-02:30Z
        { "London", "a holiday beats own hours", "IsBusinessDay", "2026-12-26", false }, // holiday removes 10-14
        { "London", "the holiday Saturday", "IsHoliday", "2026-12-26", true }, // Holidays list
        { "London", "a Saturday without hours", "IsBusinessDay", "2026-10-24", false }, // no hours
        { "London", "a break at opening leaves a business date", "IsBusinessDay", "2026-03-30", true }, // 10-17 BST remain
        { "LondonNights", "an interval that resolves to nothing", "IsBusinessDay", "2026-03-29", false }, // 01:00Z-01:00Z dropped
        { "LondonNights", "the fall-back Sunday less its break", "IsBusinessDay", "2026-10-25", true }, // 00:00-00:15Z, 01:45-02:00Z
        { "LondonNights", "an ordinary Sunday", "IsBusinessDay", "2026-03-22", true }, // 01-02Z
        { "LosAngeles", "40 minutes inside the gap", "IsBusinessDay", "2026-03-08", true }, // 10:10-10:50Z
        { "LosAngeles", "the fall-back Sunday", "IsBusinessDay", "2026-11-01", true }, // 08:15-09:45Z
        { "LosAngeles", "Thanksgiving", "IsHoliday", "2026-11-26", true }, // Holidays list
        { "LosAngeles", "the Saturday after Thanksgiving", "IsBusinessDay", "2026-11-28", false }, // no hours
        { "Sydney", "the fall-back Sunday's own hours", "IsBusinessDay", "2026-04-05", true }, // 15-17Z 4th
        { "Sydney", "the afternoon left by a break", "IsBusinessDay", "2026-04-08", true }, // 13:30-17:00 AEST
        { "Sydney", "Labour Day", "IsBusinessDay", "2026-10-05", false }, // holiday
        { "Sydney", "Labour Day is a holiday", "IsHoliday", "2026-10-05", true }, // Holidays list
        { "Sydney", "the spring-forward Sunday's own hours", "IsBusinessDay", "2026-10-04", true }, // 15-17Z 3rd
        { "SaoPaulo", "the 23-hour Sunday", "IsBusinessDay", "2018-11-04", true }, // 03Z-02Z
        { "SaoPaulo", "Finados", "IsBusinessDay", "2018-11-02", false }, // holiday
        { "SaoPaulo", "Finados is a holiday", "IsHoliday", "2018-11-02", true }, // Holidays list
        { "SaoPaulo", "the 25-hour Saturday", "IsBusinessDay", "2019-02-16", true }, // 02Z-03Z
        { "Brunei", "Friday with own hours", "IsBusinessDay", "2026-03-06", true }, // 09-11
        { "Brunei", "an ordinary Friday", "IsBusinessDay", "2026-03-13", false }, // no hours
        { "Brunei", "Saturday", "IsBusinessDay", "2026-03-07", true }, // 08-12, 14-17
        { "Brunei", "Sunday", "IsBusinessDay", "2026-03-08", false }, // no hours
        { "Brunei", "the holiday", "IsBusinessDay", "2026-03-04", false }, // holiday
    };

    [Theory]
    [MemberData(nameof(DateQuestions))]
    public void DateQuestions_SixZones_AnswerForTheLocalDate(string calendar, string scenario, string question, string date, bool expected)
    {
        var subject = Calendar(calendar);
        var day = Day(date);

        var answer = question switch
        {
            "IsBusinessDay" => subject.IsBusinessDay(day),
            "IsHoliday" => subject.IsHoliday(day),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Not a question about a date."),
        };

        answer.Should().Be(expected, scenario);
    }

    // ---- PeriodsOn ---------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, string> DatePeriods => new()
    {
        { "Utc", "a partial closure splits the day", "2026-03-12", "2026-03-12T09:00:00Z/2026-03-12T14:00:00Z 2026-03-12T15:00:00Z/2026-03-12T17:00:00Z" }, // 09-17 less 14-15Z
        { "Utc", "a break covering all hours", "2026-03-11", "" }, // 08-18 covers 09-17
        { "Utc", "a whole-day closure", "2026-03-18", "" }, // 00Z-24Z covers 09-17
        { "London", "spring forward: the skipped opening moves on by the gap", "2026-03-29", "2026-03-29T01:30:00Z/2026-03-29T02:00:00Z" }, // 01:30 -> 02:30 BST = 01:30Z; 03:00 BST = 02:00Z
        { "London", "fall back: both copies of 01:xx", "2026-10-25", "2026-10-24T23:30:00Z/2026-10-25T02:30:00Z" }, // 00:30 BST = 23:30Z; 02:30 GMT = 02:30Z: 3h
        { "London", "a break at opening", "2026-03-30", "2026-03-30T09:00:00Z/2026-03-30T16:00:00Z" }, // 10:00-17:00 BST
        { "London", "a holiday removes own hours", "2026-12-26", "" }, // holiday
        { "LondonNights", "an interval that resolves to nothing", "2026-03-29", "" }, // 01:00 -> 01:00Z, 02:00 BST = 01:00Z
        { "LondonNights", "a break in the repeated hour cuts both copies", "2026-10-25", "2026-10-25T00:00:00Z/2026-10-25T00:15:00Z 2026-10-25T01:45:00Z/2026-10-25T02:00:00Z" }, // 01:00 BST-02:00 GMT less first 01:15 to second 01:45
        { "LondonNights", "a Sunday in BST", "2026-04-05", "2026-04-05T00:00:00Z/2026-04-05T01:00:00Z" }, // 01-02 BST
        { "LondonNights", "a Sunday in GMT", "2026-11-01", "2026-11-01T01:00:00Z/2026-11-01T02:00:00Z" }, // 01-02 GMT
        { "LosAngeles", "wholly in the gap: 40 minutes; the 02:50-03:00 interval resolves backwards and is dropped", "2026-03-08", "2026-03-08T10:10:00Z/2026-03-08T10:50:00Z" }, // 02:10/02:50 with -8; 03:00 PDT = 10:00Z
        { "LosAngeles", "fall back: first 01:15 to second 01:45", "2026-11-01", "2026-11-01T08:15:00Z/2026-11-01T09:45:00Z" }, // 01:15 PDT, 01:45 PST
        { "LosAngeles", "a PDT day ends on the next UTC date", "2026-03-09", "2026-03-09T16:00:00Z/2026-03-10T00:00:00Z" }, // 09-17 PDT
        { "LosAngeles", "a PST day with its break", "2026-11-02", "2026-11-02T17:00:00Z/2026-11-02T20:00:00Z 2026-11-02T21:00:00Z/2026-11-03T01:00:00Z" }, // 09-12, 13-17 PST
        { "Sydney", "fall back: first 02:00 to 03:00 AEST", "2026-04-05", "2026-04-04T15:00:00Z/2026-04-04T17:00:00Z" }, // 02:00 AEDT = 15Z; 03:00 AEST = 17Z
        { "Sydney", "spring forward: 01:00 AEST to 04:00 AEDT", "2026-10-04", "2026-10-03T15:00:00Z/2026-10-03T17:00:00Z" }, // 01:00 AEST = 15Z; 04:00 AEDT = 17Z
        { "Sydney", "a break across two intervals", "2026-04-09", "2026-04-08T23:00:00Z/2026-04-09T01:00:00Z 2026-04-09T04:00:00Z/2026-04-09T07:00:00Z" }, // 09-11, 14-17 AEST
        { "Sydney", "a break removing a whole interval", "2026-04-08", "2026-04-08T03:30:00Z/2026-04-08T07:00:00Z" }, // 13:30-17:00 AEST
        { "SaoPaulo", "24:00 in the gap is the first instant after it", "2018-11-03", "2018-11-03T03:00:00Z/2018-11-04T03:00:00Z" }, // 00:00 -03 to 01:00 -02: 24h
        { "SaoPaulo", "a skipped midnight opening; the break inside the gap cuts nothing", "2018-11-04", "2018-11-04T03:00:00Z/2018-11-05T02:00:00Z" }, // 01:00 -02 to 24:00 -02: 23h
        { "SaoPaulo", "the 25-hour Saturday", "2019-02-16", "2019-02-16T02:00:00Z/2019-02-17T03:00:00Z" }, // 00:00 -02 to 24:00 -03
        { "SaoPaulo", "the Sunday after fall-back", "2019-02-17", "2019-02-17T03:00:00Z/2019-02-18T03:00:00Z" }, // 00:00 -03 to 24:00 -03
        { "Brunei", "two intervals and a break", "2026-03-09", "2026-03-09T00:00:00Z/2026-03-09T02:00:00Z 2026-03-09T03:00:00Z/2026-03-09T04:00:00Z 2026-03-09T06:00:00Z/2026-03-09T09:00:00Z" }, // 08-10, 11-12, 14-17
        { "Brunei", "Friday's own hours", "2026-03-06", "2026-03-06T01:00:00Z/2026-03-06T03:00:00Z" }, // 09-11
        { "Brunei", "the holiday", "2026-03-04", "" }, // Holiday
        { "Brunei", "Sunday", "2026-03-08", "" }, // no hours
    };

    [Theory]
    [MemberData(nameof(DatePeriods))]
    public void PeriodsOn_SixZones_GivesTheDatesPeriodsInUtc(string calendar, string scenario, string date, string expected)
    {
        Calendar(calendar).PeriodsOn(Day(date)).Should().Equal(Periods(expected), scenario);
    }

    // ---- PeriodsAfter and PeriodsBefore ------------------------------------------------------------------------
    // until and covering are "" when not given; take bounds the endless lists (and is more than a bounded list holds).

    public static TheoryData<string, string, string, string, string, int, string> LaterPeriods => new()
    {
        { "Utc", "the first period cut to start at from; endless, so lazy", "2026-03-04T10:00:00Z", "", "", 4, "2026-03-04T10:00:00Z/2026-03-04T12:00:00Z 2026-03-04T13:00:00Z/2026-03-04T17:00:00Z 2026-03-05T09:00:00Z/2026-03-05T17:00:00Z 2026-03-06T09:00:00Z/2026-03-06T17:00:00Z" }, // 10-12, 13-17, Thu, Fri
        { "Utc", "until cuts the last period", "2026-03-06T16:00:00Z", "2026-03-07T12:00:00Z", "", 10, "2026-03-06T16:00:00Z/2026-03-06T17:00:00Z 2026-03-07T10:00:00Z/2026-03-07T12:00:00Z" }, // Fri 16-17, Sat 10-12
        { "Utc", "covering stops and cuts the last period", "2026-03-10T15:00:00Z", "", "06:00", 10, "2026-03-10T15:00:00Z/2026-03-10T17:00:00Z 2026-03-12T09:00:00Z/2026-03-12T13:00:00Z" }, // Tue 2h, Wed none, Thu 4h of 09-14
        { "Utc", "covering exactly across the closure", "2026-03-12T13:00:00Z", "", "03:00", 10, "2026-03-12T13:00:00Z/2026-03-12T14:00:00Z 2026-03-12T15:00:00Z/2026-03-12T17:00:00Z" }, // 1h + 2h
        { "Utc", "until before the next opening: nothing", "2026-03-07T15:00:00Z", "2026-03-09T08:00:00Z", "", 10, "" }, // Sat closed from 14Z, Mon opens 09Z
        { "London", "over the spring-forward weekend", "2026-03-27T16:00:00Z", "", "", 4, "2026-03-27T16:00:00Z/2026-03-27T17:00:00Z 2026-03-28T10:00:00Z/2026-03-28T12:00:00Z 2026-03-29T01:30:00Z/2026-03-29T02:00:00Z 2026-03-30T09:00:00Z/2026-03-30T16:00:00Z" }, // Fri, Sat, Sun, Mon after the break
        { "London", "inside the fall-back Sunday, until Monday 10:00", "2026-10-25T00:00:00Z", "2026-10-26T10:00:00Z", "", 10, "2026-10-25T00:00:00Z/2026-10-25T02:30:00Z 2026-10-26T09:00:00Z/2026-10-26T10:00:00Z" }, // 00:00-02:30Z, Mon 09-10Z
        { "London", "covering over Easter into the next block", "2026-04-02T08:00:00Z", "", "12:00", 10, "2026-04-02T08:00:00Z/2026-04-02T16:00:00Z 2026-04-07T08:00:00Z/2026-04-07T12:00:00Z" }, // Thu 8h, Tue 4h
        { "LosAngeles", "into the gap interval and Monday PDT", "2026-03-07T21:00:00Z", "", "", 3, "2026-03-07T21:00:00Z/2026-03-07T22:00:00Z 2026-03-08T10:10:00Z/2026-03-08T10:50:00Z 2026-03-09T16:00:00Z/2026-03-10T00:00:00Z" }, // Sat 21-22Z, Sun 40m, Mon
        { "LosAngeles", "covering exactly the fall-back Sunday", "2026-10-31T00:00:00Z", "", "01:30", 10, "2026-11-01T08:15:00Z/2026-11-01T09:45:00Z" }, // 1h30
        { "LosAngeles", "until, across the Monday break", "2026-11-02T19:00:00Z", "2026-11-02T22:00:00Z", "", 10, "2026-11-02T19:00:00Z/2026-11-02T20:00:00Z 2026-11-02T21:00:00Z/2026-11-02T22:00:00Z" }, // 11-12, 13-14 PST
        { "Sydney", "over Easter", "2026-04-02T05:00:00Z", "", "", 3, "2026-04-02T05:00:00Z/2026-04-02T06:00:00Z 2026-04-04T15:00:00Z/2026-04-04T17:00:00Z 2026-04-06T23:00:00Z/2026-04-07T02:30:00Z" }, // Thu 16-17 AEDT, Sun, Tue morning AEST
        { "Sydney", "covering over the spring-forward weekend", "2026-10-02T12:00:00Z", "", "05:00", 10, "2026-10-03T00:00:00Z/2026-10-03T02:00:00Z 2026-10-03T15:00:00Z/2026-10-03T17:00:00Z 2026-10-05T22:00:00Z/2026-10-05T23:00:00Z" }, // Sat 2h, Sun 2h, Tue 1h
        { "Sydney", "until, across Thursday's break", "2026-04-08T23:00:00Z", "2026-04-09T05:00:00Z", "", 10, "2026-04-08T23:00:00Z/2026-04-09T01:00:00Z 2026-04-09T04:00:00Z/2026-04-09T05:00:00Z" }, // 09-11, 14-15 AEST
        { "SaoPaulo", "touching days are separate periods", "2018-11-03T00:00:00Z", "", "", 3, "2018-11-03T03:00:00Z/2018-11-04T03:00:00Z 2018-11-04T03:00:00Z/2018-11-05T02:00:00Z 2018-11-05T11:00:00Z/2018-11-05T20:00:00Z" }, // Sat 24h, Sun 23h, Mon
        { "SaoPaulo", "until, across the fall-back midnight", "2019-02-16T12:00:00Z", "2019-02-17T12:00:00Z", "", 10, "2019-02-16T12:00:00Z/2019-02-17T03:00:00Z 2019-02-17T03:00:00Z/2019-02-17T12:00:00Z" }, // Sat to 03Z, Sun to 12Z
        { "SaoPaulo", "covering a day across the gap midnight", "2018-11-03T12:00:00Z", "", "1.00:00", 10, "2018-11-03T12:00:00Z/2018-11-04T03:00:00Z 2018-11-04T03:00:00Z/2018-11-04T12:00:00Z" }, // Sat 15h to 03Z, Sun 9h
        { "Brunei", "Thursday, Friday's own hours, Saturday", "2026-03-05T08:00:00Z", "", "", 3, "2026-03-05T08:00:00Z/2026-03-05T09:00:00Z 2026-03-06T01:00:00Z/2026-03-06T03:00:00Z 2026-03-07T00:00:00Z/2026-03-07T04:00:00Z" }, // Thu 16-17, Fri 09-11, Sat 08-12
        { "Brunei", "covering over the break and lunch", "2026-03-09T00:00:00Z", "", "03:30", 10, "2026-03-09T00:00:00Z/2026-03-09T02:00:00Z 2026-03-09T03:00:00Z/2026-03-09T04:00:00Z 2026-03-09T06:00:00Z/2026-03-09T06:30:00Z" }, // 2h + 1h + 30m
        { "Brunei", "until, across lunch", "2026-03-02T03:00:00Z", "2026-03-02T07:00:00Z", "", 10, "2026-03-02T03:00:00Z/2026-03-02T04:00:00Z 2026-03-02T06:00:00Z/2026-03-02T07:00:00Z" }, // 11-12, 14-15
    };

    [Theory]
    [MemberData(nameof(LaterPeriods))]
    public void PeriodsAfter_SixZones_ListsOpenTimeInTimeOrder(string calendar, string scenario, string from, string until, string covering, int take, string expected)
    {
        var periods = Calendar(calendar).PeriodsAfter(Z(from), Optional(until), OptionalSpan(covering));

        periods.Take(take).Should().Equal(Periods(expected), scenario);
    }

    public static TheoryData<string, string, string, string, string, int, string> EarlierPeriods => new()
    {
        { "Utc", "newest first, the first cut to end at from", "2026-03-04T14:00:00Z", "", "", 3, "2026-03-04T13:00:00Z/2026-03-04T14:00:00Z 2026-03-04T09:00:00Z/2026-03-04T12:00:00Z 2026-03-03T09:00:00Z/2026-03-03T17:00:00Z" }, // 13-14, 09-12, Tue
        { "Utc", "until cuts the last period", "2026-03-09T10:00:00Z", "2026-03-07T12:00:00Z", "", 10, "2026-03-09T09:00:00Z/2026-03-09T10:00:00Z 2026-03-07T12:00:00Z/2026-03-07T14:00:00Z" }, // Mon 09-10, Sat 12-14
        { "Utc", "covering over the Wednesday a break covers", "2026-03-12T10:00:00Z", "", "03:00", 10, "2026-03-12T09:00:00Z/2026-03-12T10:00:00Z 2026-03-10T15:00:00Z/2026-03-10T17:00:00Z" }, // Thu 1h, Tue 2h
        { "London", "back over the spring-forward weekend", "2026-03-30T10:00:00Z", "", "", 3, "2026-03-30T09:00:00Z/2026-03-30T10:00:00Z 2026-03-29T01:30:00Z/2026-03-29T02:00:00Z 2026-03-28T10:00:00Z/2026-03-28T12:00:00Z" }, // Mon, Sun, Sat
        { "London", "covering cuts the fall-back Sunday", "2026-10-26T10:00:00Z", "", "03:30", 10, "2026-10-26T09:00:00Z/2026-10-26T10:00:00Z 2026-10-25T00:00:00Z/2026-10-25T02:30:00Z" }, // Mon 1h, last 2h30 of Sunday
        { "LosAngeles", "until, back over the gap interval", "2026-03-09T17:00:00Z", "2026-03-07T21:30:00Z", "", 10, "2026-03-09T16:00:00Z/2026-03-09T17:00:00Z 2026-03-08T10:10:00Z/2026-03-08T10:50:00Z 2026-03-07T21:30:00Z/2026-03-07T22:00:00Z" }, // Mon, Sun, Sat cut
        { "LosAngeles", "back over the break into the fall-back Sunday", "2026-11-02T21:30:00Z", "", "", 3, "2026-11-02T21:00:00Z/2026-11-02T21:30:00Z 2026-11-02T17:00:00Z/2026-11-02T20:00:00Z 2026-11-01T08:15:00Z/2026-11-01T09:45:00Z" }, // 13-13:30, 09-12 PST, Sun
        { "Sydney", "covering back over Easter", "2026-04-07T00:00:00Z", "", "04:00", 10, "2026-04-06T23:00:00Z/2026-04-07T00:00:00Z 2026-04-04T15:00:00Z/2026-04-04T17:00:00Z 2026-04-02T05:00:00Z/2026-04-02T06:00:00Z" }, // Tue 1h, Sun 2h, Thu 1h
        { "SaoPaulo", "back over the gap Sunday and Saturday", "2018-11-05T12:00:00Z", "", "", 3, "2018-11-05T11:00:00Z/2018-11-05T12:00:00Z 2018-11-04T03:00:00Z/2018-11-05T02:00:00Z 2018-11-03T03:00:00Z/2018-11-04T03:00:00Z" }, // Mon, Sun 23h, Sat 24h
        { "SaoPaulo", "until, back across the fall-back midnight", "2019-02-18T00:00:00Z", "2019-02-16T22:00:00Z", "", 10, "2019-02-17T03:00:00Z/2019-02-18T00:00:00Z 2019-02-16T22:00:00Z/2019-02-17T03:00:00Z" }, // Sun to 00Z, Sat from 22Z
        { "Brunei", "back over the break to Saturday", "2026-03-09T03:30:00Z", "", "", 4, "2026-03-09T03:00:00Z/2026-03-09T03:30:00Z 2026-03-09T00:00:00Z/2026-03-09T02:00:00Z 2026-03-07T06:00:00Z/2026-03-07T09:00:00Z 2026-03-07T00:00:00Z/2026-03-07T04:00:00Z" }, // 11-11:30, 08-10, Sat 14-17, Sat 08-12
        { "London", "until, back over Easter", "2026-04-07T09:00:00Z", "2026-04-02T15:00:00Z", "", 10, "2026-04-07T08:00:00Z/2026-04-07T09:00:00Z 2026-04-02T15:00:00Z/2026-04-02T16:00:00Z" }, // Tue 09-10 BST, Thu 16-17 BST cut at 15Z
        { "LosAngeles", "covering back to Friday PST", "2026-03-07T19:00:00Z", "", "02:00", 10, "2026-03-07T18:00:00Z/2026-03-07T19:00:00Z 2026-03-07T00:00:00Z/2026-03-07T01:00:00Z" }, // Sat 1h, last 1h of Fri (16-17 PST)
        { "Sydney", "until, back across lunch", "2026-04-01T03:00:00Z", "2026-04-01T01:00:00Z", "", 10, "2026-04-01T02:30:00Z/2026-04-01T03:00:00Z 2026-04-01T01:00:00Z/2026-04-01T01:30:00Z" }, // 13:30-14:00, 12:00-12:30 AEDT
        { "Sydney", "back over Labour Day and the spring-forward Sunday", "2026-10-05T23:00:00Z", "", "", 3, "2026-10-05T22:00:00Z/2026-10-05T23:00:00Z 2026-10-03T15:00:00Z/2026-10-03T17:00:00Z 2026-10-03T00:00:00Z/2026-10-03T02:00:00Z" }, // Tue 09-10 AEDT, Sun, Sat
        { "Brunei", "covering back over the holiday", "2026-03-05T01:00:00Z", "", "04:00", 10, "2026-03-05T00:00:00Z/2026-03-05T01:00:00Z 2026-03-03T06:00:00Z/2026-03-03T09:00:00Z" }, // Thu 1h, Wed none, Tue 14-17 3h
        { "Brunei", "until inside Friday's own hours", "2026-03-07T01:00:00Z", "2026-03-06T02:00:00Z", "", 10, "2026-03-07T00:00:00Z/2026-03-07T01:00:00Z 2026-03-06T02:00:00Z/2026-03-06T03:00:00Z" }, // Sat 08-09, Fri 10-11
    };

    [Theory]
    [MemberData(nameof(EarlierPeriods))]
    public void PeriodsBefore_SixZones_ListsOpenTimeNewestFirst(string calendar, string scenario, string from, string until, string covering, int take, string expected)
    {
        var periods = Calendar(calendar).PeriodsBefore(Z(from), Optional(until), OptionalSpan(covering));

        periods.Take(take).Should().Equal(Periods(expected), scenario);
    }

    // ---- BusinessDatesAfter and BusinessDatesBefore ------------------------------------------------------------

    public static TheoryData<string, string, string, string, int, string> BusinessDates => new()
    {
        { "Utc", "strictly after a business date, with Saturday's own hours", "After", "2026-03-06", 4, "2026-03-07 2026-03-09 2026-03-10 2026-03-12" }, // Sat 7, Mon, Tue, (Wed 11 break) Thu
        { "Utc", "strictly before", "Before", "2026-03-12", 3, "2026-03-10 2026-03-09 2026-03-07" }, // Wed 11 none, Tue, Mon, Sat 7
        { "Utc", "over the whole-day closure", "After", "2026-03-17", 2, "2026-03-19 2026-03-20" }, // Wed 18 none
        { "London", "over the spring-forward weekend's own hours", "After", "2026-03-27", 3, "2026-03-28 2026-03-29 2026-03-30" }, // Sat, Sun own hours, Mon
        { "London", "over Easter", "After", "2026-04-02", 1, "2026-04-07" }, // Fri 3, Mon 6 holidays
        { "London", "back over Christmas", "Before", "2026-12-29", 2, "2026-12-24 2026-12-23" }, // 25-28 none
        { "London", "onto the fall-back Sunday", "After", "2026-10-23", 2, "2026-10-25 2026-10-26" }, // Sat none
        { "LondonNights", "over the Sunday without open time", "After", "2026-03-22", 2, "2026-04-05 2026-04-12" }, // 29 Mar none
        { "LondonNights", "back over it", "Before", "2026-04-05", 1, "2026-03-22" }, // 29 Mar none
        { "LosAngeles", "Saturday's own hours and the gap Sunday", "After", "2026-03-06", 3, "2026-03-07 2026-03-08 2026-03-09" }, // own hours both days
        { "LosAngeles", "onto the fall-back Sunday", "After", "2026-10-30", 2, "2026-11-01 2026-11-02" }, // Sat none
        { "LosAngeles", "back over Thanksgiving", "Before", "2026-11-27", 1, "2026-11-25" }, // Thu 26 holiday
        { "Sydney", "over Easter", "After", "2026-04-02", 2, "2026-04-05 2026-04-07" }, // Fri holiday, Sat none, Sun own hours, Mon holiday
        { "Sydney", "over the spring-forward weekend and Labour Day", "After", "2026-10-02", 3, "2026-10-03 2026-10-04 2026-10-06" }, // Sat, Sun own hours, Mon 5 holiday
        { "Sydney", "back over Easter", "Before", "2026-04-07", 2, "2026-04-05 2026-04-02" }, // Mon holiday, Sun, (Sat, Fri none) Thu
        { "SaoPaulo", "over Finados into the gap weekend", "After", "2018-11-01", 3, "2018-11-03 2018-11-04 2018-11-05" }, // Fri 2 holiday
        { "SaoPaulo", "back over the fall-back weekend", "Before", "2019-02-18", 3, "2019-02-17 2019-02-16 2019-02-15" }, // Sun, Sat, Fri
        { "SaoPaulo", "over the holiday Thursday", "After", "2018-11-14", 1, "2018-11-16" }, // Thu 15 holiday
        { "Brunei", "over the holiday, with Friday's own hours", "After", "2026-03-03", 4, "2026-03-05 2026-03-06 2026-03-07 2026-03-09" }, // Wed holiday, Thu, Fri own hours, Sat, (Sun none) Mon
        { "Brunei", "back over Sunday", "Before", "2026-03-09", 2, "2026-03-07 2026-03-06" }, // Sun none, Sat, Fri own hours
    };

    [Theory]
    [MemberData(nameof(BusinessDates))]
    public void BusinessDates_SixZones_AreStrictlyAfterOrBeforeTheDate(string calendar, string scenario, string direction, string date, int take, string expected)
    {
        var subject = Calendar(calendar);
        var dates = direction switch
        {
            "After" => subject.BusinessDatesAfter(Day(date)),
            "Before" => subject.BusinessDatesBefore(Day(date)),
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "After or Before."),
        };

        dates.Take(take).Should().Equal(expected.Split(' ').Select(Day), scenario);
    }

    // ---- EndOfCalendarDay --------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, int, string> CalendarDayEnds => new()
    {
        { "Utc", "the next midnight", "2026-03-02T10:00:00Z", 0, "2026-03-03T00:00:00Z" }, // Mon -> 24:00Z
        { "Utc", "from midnight, one day on", "2026-03-02T00:00:00Z", 1, "2026-03-04T00:00:00Z" }, // Mon 00:00 -> end of Tue
        { "London", "a Saturday in GMT", "2026-03-28T12:00:00Z", 0, "2026-03-29T00:00:00Z" }, // end of Sat 28 = 00:00 GMT
        { "London", "the 23-hour Sunday ends at midnight BST", "2026-03-28T12:00:00Z", 1, "2026-03-29T23:00:00Z" }, // end of Sun 29 = Mon 00:00 BST
        { "London", "the 25-hour Sunday ends at midnight GMT", "2026-10-24T23:30:00Z", 0, "2026-10-26T00:00:00Z" }, // 00:30 BST Sun 25 -> Mon 00:00 GMT
        { "LosAngeles", "Saturday night PST", "2026-03-08T07:00:00Z", 0, "2026-03-08T08:00:00Z" }, // Sat 23:00 PST -> Sun 00:00 PST
        { "LosAngeles", "the gap Sunday ends at midnight PDT", "2026-03-08T07:00:00Z", 1, "2026-03-09T07:00:00Z" }, // Mon 00:00 PDT
        { "Sydney", "Saturday night AEDT", "2026-04-04T12:00:00Z", 0, "2026-04-04T13:00:00Z" }, // Sat 23:00 AEDT -> Sun 00:00 AEDT
        { "Sydney", "the 25-hour Sunday ends at midnight AEST", "2026-04-04T12:00:00Z", 1, "2026-04-05T14:00:00Z" }, // Mon 00:00 AEST
        { "SaoPaulo", "a midnight in the gap is the first instant after it", "2018-11-03T12:00:00Z", 0, "2018-11-04T03:00:00Z" }, // Sun 00:00 skipped -> 01:00 -02
        { "SaoPaulo", "the 25-hour Saturday", "2019-02-16T12:00:00Z", 0, "2019-02-17T03:00:00Z" }, // Sun 00:00 -03
        { "Brunei", "Tuesday locally, Monday in UTC", "2026-03-02T20:00:00Z", 0, "2026-03-03T16:00:00Z" }, // Tue 04:00 -> Wed 00:00 +8
        { "Brunei", "the last second of a local Monday", "2026-03-02T15:59:59Z", 0, "2026-03-02T16:00:00Z" }, // Mon 23:59:59 -> Tue 00:00 +8
    };

    [Theory]
    [MemberData(nameof(CalendarDayEnds))]
    public void EndOfCalendarDay_SixZones_GivesTheLocalMidnightEndingTheDay(string calendar, string scenario, string instant, int days, string expected)
    {
        Calendar(calendar).EndOfCalendarDay(Z(instant), days).Should().Be(Z(expected), scenario);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private static BusinessCalendar Calendar(string name) => name switch
    {
        nameof(Utc) => Utc,
        nameof(London) => London,
        nameof(LondonNights) => LondonNights,
        nameof(LosAngeles) => LosAngeles,
        nameof(Sydney) => Sydney,
        nameof(SaoPaulo) => SaoPaulo,
        nameof(Brunei) => Brunei,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such calendar in this class."),
    };

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Optional(string iso) => iso.Length == 0 ? null : Z(iso);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static TimeSpan Span(string text) => TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    private static TimeSpan? OptionalSpan(string text) => text.Length == 0 ? null : Span(text);

    /// <summary>Periods written "start/end start/end ..." in time order of the list; "" for none.</summary>
    private static BusinessPeriod[] Periods(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('/')).Select(p => new BusinessPeriod(Z(p[0]), Z(p[1])))];
}
