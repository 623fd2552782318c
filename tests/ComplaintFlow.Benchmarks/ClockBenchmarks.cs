using BenchmarkDotNet.Attributes;
using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The business calendar and the clock engine on their own, to see what clocks add to a command. The quick run keeps
/// <see cref="AddTwelveBusinessHours"/> under 100 ns (the <c>calendar.add-12h.ns</c> budget).
/// </summary>
[MemoryDiagnoser]
public class ClockBenchmarks
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("a-1", "Agent", "agent");
    private readonly BusinessCalendar _london = BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();
    private readonly ClockEngine _engine = new(ClockPresets.Default());
    private ComplaintCase _case = null!;
    private ComplaintOpened _opened = null!;

    [GlobalSetup]
    public void Setup()
    {
        _case = new ComplaintCase
        {
            Id = new ComplaintId(Guid.CreateVersion7(Monday)),
            Version = 1,
            ProcessVersion = "bench",
            Step = "acknowledge",
            CustomerRef = "c",
            Channel = Channel.Email,
            Summary = "s",
            ReceivedAt = Monday,
            OpenedAt = Monday,
            UpdatedAt = Monday,
            OpenedBy = Agent,
        };
        _opened = new ComplaintOpened("c", Channel.Email, "s", Monday, Severity.Medium, ComplaintFlags.None, [], false);
    }

    [Benchmark]
    public DateTimeOffset AddTwelveBusinessHours() => _london.Add(Monday, TimeSpan.FromHours(12));

    [Benchmark]
    public DateTimeOffset SubtractTwelveBusinessHours() => _london.Subtract(Monday.AddDays(3), TimeSpan.FromHours(12));

    [Benchmark]
    public DateTimeOffset AddFiveBusinessDays() => _london.AddBusinessDays(Monday, 5);

    /// <summary>Lists two weeks of open periods forward and adds up their length.</summary>
    [Benchmark]
    public TimeSpan PeriodsOverTwoWeeks()
    {
        var total = TimeSpan.Zero;
        foreach (var period in _london.PeriodsAfter(Monday, Monday.AddDays(14)))
        {
            total += period.Duration;
        }

        return total;
    }

    /// <summary>Lists the periods backwards until 40 business hours are covered.</summary>
    [Benchmark]
    public int PeriodsBackCoveringAWeek()
    {
        var count = 0;
        foreach (var period in _london.PeriodsBefore(Monday.AddDays(14), covering: TimeSpan.FromHours(40)))
        {
            count += period.Duration > TimeSpan.Zero ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public TimeSpan ElapsedOverTwoWeeks() => _london.Elapsed(Monday, Monday.AddDays(14));

    [Benchmark]
    public DateTimeOffset CloseOfTenthBusinessDay() => _london.CloseOfBusinessDay(Monday, 10);

    [Benchmark]
    public object? StartClocksAtOpening() => _engine.Advance(new ClockChangeInputs(_case.Clocks, Monday, _opened, null, false, false, [], []), Monday);
}
