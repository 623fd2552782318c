namespace ComplaintFlow.Tests.Model;

/// <summary>A clock keeps its values as ticks to stay small; what it gives back is exactly what it was given.</summary>
public sealed class CaseClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_ValuesGiven_ReadBackTheSame()
    {
        var clock = new CaseClock("resolution", ClockStatus.Paused, Start, Start.AddDays(10), Start.AddDays(8), true, false, true, TimeSpan.FromHours(31), TimeSpan.Zero, Start.AddDays(3));

        clock.Name.Should().Be("resolution");
        clock.Status.Should().Be(ClockStatus.Paused);
        clock.StartedAt.Should().Be(Start);
        clock.DueAt.Should().Be(Start.AddDays(10));
        clock.WarnAt.Should().Be(Start.AddDays(8));
        (clock.Warned, clock.Breached, clock.Regulatory).Should().Be((true, false, true));
        clock.RemainingToDue.Should().Be(TimeSpan.FromHours(31));
        clock.RemainingToWarn.Should().Be(TimeSpan.Zero, "zero is a value, not none");
        clock.StoppedAt.Should().Be(Start.AddDays(3));
    }

    [Fact]
    public void Constructor_NoOptionalValues_ReadBackAsNull()
    {
        var clock = new CaseClock("acknowledge", ClockStatus.Running, Start, Start.AddDays(1), Start.AddHours(20), false, false, false, null, null, null);

        clock.RemainingToDue.Should().BeNull();
        clock.RemainingToWarn.Should().BeNull();
        clock.StoppedAt.Should().BeNull();
    }

    [Fact]
    public void Constructor_InstantWithAnOffset_ReadsBackAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(1));

        var clock = new CaseClock("acknowledge", ClockStatus.Running, local, local, local, false, false, false, null, null, local);

        clock.StartedAt.Should().Be(local);
        clock.StartedAt.Offset.Should().Be(TimeSpan.Zero);
        clock.StoppedAt!.Value.UtcDateTime.Should().Be(local.UtcDateTime);
    }

    [Fact]
    public void With_ChangesOnlyWhatIsNamedAndKeepsValueEquality()
    {
        var running = new CaseClock("resolution", ClockStatus.Running, Start, Start.AddDays(10), Start.AddDays(8), false, false, false, null, null, null);

        var paused = running with { Status = ClockStatus.Paused, RemainingToDue = TimeSpan.FromHours(5) };
        var resumed = paused with { Status = ClockStatus.Running, RemainingToDue = null };

        paused.RemainingToDue.Should().Be(TimeSpan.FromHours(5));
        paused.DueAt.Should().Be(running.DueAt);
        resumed.Should().Be(running);
        resumed.GetHashCode().Should().Be(running.GetHashCode());
        paused.Should().NotBe(running);
    }
}
