using ComplaintFlow.Time;
using CsCheck;

namespace ComplaintFlow.Tests.Time;

/// <summary>
/// Laws every calendar keeps, checked on generated calendars (six zones, random weekly hours, dates with their own hours,
/// breaks, holidays) and instants from 2018 to 2027, so daylight-saving changes and Sao Paulo's midnight gap are
/// crossed, 2,000 runs each.
/// </summary>
public sealed class BusinessCalendarPropertyTests
{
    private const int Runs = 2_000;
    private static readonly string[] Zones = ["Etc/UTC", "Europe/London", "America/Los_Angeles", "America/Sao_Paulo", "Australia/Sydney", "Asia/Brunei"];
    private static readonly DateTimeOffset Origin = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstDay = new(2018, 1, 1);

    /// <summary>One or two intervals on some weekdays (at least one), on the quarter hour.</summary>
    private static readonly Gen<(int Day, int From, int Length)[]> WeeklyHours =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 80], Gen.Int[1, 40]).Array[1, 9];

    private static readonly Gen<BusinessCalendar> Calendars =
        Gen.Select(Gen.Int[0, Zones.Length - 1], WeeklyHours, Gen.Int[0, 3650].Array[0, 12], Gen.Select(Gen.Int[0, 3650], Gen.Int[0, 80], Gen.Int[1, 30]).Array[0, 8], Gen.Select(Gen.Int[0, 3650], Gen.Int[0, 90], Gen.Int[1, 12]).Array[0, 8])
            .Select((zone, weekly, holidays, dateHours, breaks) => Build(Zones[zone], weekly, holidays, dateHours, breaks));

    private static readonly Gen<DateTimeOffset> Instants = Gen.Long[0, 3650L * 24 * 60].Select(m => Origin.AddMinutes(m));
    private static readonly Gen<TimeSpan> Amounts = Gen.Int[0, 120 * 60].Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Add_MeasuringWhatWasAdded_GivesItBack() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, start, amount) => calendar.Elapsed(start, calendar.Add(start, amount)) == amount, iter: Runs);

    [Fact]
    public void Subtract_MeasuringWhatWasSubtracted_GivesItBack() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, end, amount) => calendar.Elapsed(calendar.Subtract(end, amount), end) == amount, iter: Runs);

    [Fact]
    public void Subtract_UndoesAdd_FromAnOpenInstant() =>
        Gen.Select(Calendars, Instants, Amounts).Sample(
            (calendar, start, amount) => !calendar.IsOpen(start) || calendar.Subtract(calendar.Add(start, amount), amount) == start,
            iter: Runs);

    [Fact]
    public void Add_UndoesSubtract_ToAnOpenInstantThatIsNotAnOpening() =>
        Gen.Select(Calendars, Instants, Amounts).Sample(
            (calendar, end, amount) => !calendar.IsOpen(end) || !calendar.IsOpen(end.AddTicks(-1)) || calendar.Add(calendar.Subtract(end, amount), amount) == end,
            iter: Runs);

    [Fact]
    public void Add_IsMonotonicAndLandsOpenOrOnAClosing() =>
        Gen.Select(Calendars, Instants, Amounts, Amounts).Sample((calendar, start, a, b) =>
        {
            var (small, large) = a <= b ? (a, b) : (b, a);
            var end = calendar.Add(start, large);
            return calendar.Add(start, small) <= end && end >= start && calendar.PreviousClosing(end) == end;
        }, iter: Runs);

    [Fact]
    public void PeriodsAfter_AreOrderedDisjointNonEmptyOpen_AndAddUpToElapsed() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, from, span) =>
        {
            var until = from + span * 3;
            var periods = calendar.PeriodsAfter(from, until).ToList();
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                if (p.Start >= p.End || p.Start < from || p.End > until || !calendar.IsOpen(p.Start) || !calendar.IsOpen(p.End.AddTicks(-1)) || (i > 0 && periods[i - 1].End > p.Start))
                {
                    return false;
                }
            }

            return periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration) == calendar.Elapsed(from, until);
        }, iter: Runs);

    [Fact]
    public void PeriodsBefore_AreNewestFirstDisjointOpen_AndCoverExactlyTheAmount() =>
        Gen.Select(Calendars, Instants, Amounts).Sample((calendar, from, amount) =>
        {
            var periods = calendar.PeriodsBefore(from, covering: amount).ToList();
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                if (p.Start >= p.End || p.End > from || !calendar.IsOpen(p.Start) || !calendar.IsOpen(p.End.AddTicks(-1)) || (i > 0 && periods[i - 1].Start < p.End))
                {
                    return false;
                }
            }

            var covered = periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
            return covered == amount && (periods.Count == 0 || periods[^1].Start == calendar.Subtract(from, amount));
        }, iter: Runs);

    [Fact]
    public void PeriodsOn_AreTheDatesPeriods_AndMakeItABusinessDate() =>
        Gen.Select(Calendars, Gen.Int[0, 3650]).Sample((calendar, offset) =>
        {
            var date = FirstDay.AddDays(offset);
            var periods = calendar.PeriodsOn(date);
            return calendar.IsBusinessDay(date) == periods.Count > 0
                && periods.All(p => p.Start < p.End && calendar.IsOpen(p.Start))
                && periods.Zip(periods.Skip(1)).All(pair => pair.First.End < pair.Second.Start);
        }, iter: Runs);

    [Fact]
    public void BusinessDays_AreMonotonic_AndLandOpenOrOnAClosing() =>
        Gen.Select(Calendars, Instants, Gen.Int[0, 15]).Sample((calendar, at, days) =>
        {
            var later = calendar.AddBusinessDays(at, days);
            var laterStill = calendar.AddBusinessDays(at, days + 1);
            var earlier = calendar.SubtractBusinessDays(at, days);
            var earlierStill = calendar.SubtractBusinessDays(at, days + 1);
            // Monotonic, not strictly: two shifted times outside hours can move to the same opening or closing.
            return later <= laterStill && earlierStill <= earlier
                && calendar.PreviousClosing(later) == later && calendar.PreviousClosing(earlier) == earlier
                && (days == 0 || (later > at && earlier < at));
        }, iter: Runs);

    [Fact]
    public void BusinessDatesAfterAndBefore_AreTheBusinessDatesInOrder() =>
        Gen.Select(Calendars, Gen.Int[0, 3650]).Sample((calendar, offset) =>
        {
            var date = FirstDay.AddDays(offset);
            var after = calendar.BusinessDatesAfter(date).Take(3).ToList();
            var before = calendar.BusinessDatesBefore(date).Take(3).ToList();
            var expectedAfter = Enumerable.Range(1, 400).Select(date.AddDays).Where(calendar.IsBusinessDay).Take(3);
            var expectedBefore = Enumerable.Range(1, 400).Select(i => date.AddDays(-i)).Where(calendar.IsBusinessDay).Take(3);
            return after.SequenceEqual(expectedAfter) && before.SequenceEqual(expectedBefore);
        }, iter: Runs);

    [Fact]
    public void NextOpeningAndPreviousClosing_AreTheEdgesOfTheNearestPeriods() =>
        Gen.Select(Calendars, Instants).Sample((calendar, at) =>
        {
            var next = calendar.NextOpening(at);
            var previous = calendar.PreviousClosing(at);
            var open = calendar.IsOpen(at);
            return open
                ? next == at && previous == at
                : next > at && calendar.IsOpen(next) && !calendar.IsOpen(next.AddTicks(-1)) && previous <= at && calendar.Elapsed(previous, next) == TimeSpan.Zero
                  && calendar.PeriodsAfter(at).First().Start == next && calendar.PeriodsBefore(at).First().End == previous;
        }, iter: Runs);

    private static BusinessCalendar Build(string zone, (int Day, int From, int Length)[] weekly, int[] holidays, (int Day, int From, int Length)[] dateHours, (int Day, int From, int Length)[] breaks)
    {
        var builder = BusinessCalendar.Create(zone);
        foreach (var (day, from, length) in weekly.DistinctBy(w => w.Day))
        {
            // Quarter hours from 00:00; an interval that would pass midnight ends at 24:00.
            builder.Open((DayOfWeek)day, Time(from), Time(Math.Min(from + length, 96)));
        }

        foreach (var (day, from, length) in dateHours.DistinctBy(d => d.Day))
        {
            builder.OpenOn(FirstDay.AddDays(day), Time(from), Time(Math.Min(from + length, 96)));
        }

        foreach (var (day, from, length) in breaks)
        {
            builder.Break(FirstDay.AddDays(day), Time(from), Time(Math.Min(from + length, 96)));
        }

        return builder.Holidays(holidays.Select(FirstDay.AddDays)).Build();
    }

    private static TimeOnly Time(int quarters) => quarters >= 96 ? TimeOnly.MinValue : new TimeOnly(quarters / 4, quarters % 4 * 15);
}
