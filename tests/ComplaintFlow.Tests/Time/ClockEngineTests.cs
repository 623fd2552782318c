using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Time;

public sealed class ClockEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_MoreClocksThanFitOnTheStack_StartsAndStopsEveryOneInOrder()
    {
        // Twelve clocks react to the same change: more than the eight the engine gathers inline, so its overflow
        // path is what records them (PR-01: every configured clock is kept, none dropped).
        var names = Enumerable.Range(1, 12).Select(i => $"clock-{i}").ToArray();
        var engine = new ClockEngine(new ClockSettings(BusinessCalendar.AlwaysOpen, names.Select(n => new ClockDefinition
        {
            Name = n,
            Description = "A day to answer.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.CalendarTime(TimeSpan.FromDays(1)),
        })));
        var opened = new ComplaintOpened("c-1", Channel.Email, "Late parcel", Now, Severity.Medium, ComplaintFlags.None, [], false);

        var started = engine.Advance(new ClockChangeInputs([], Now, opened, null, false, false, [], []), Now)!.Value;
        var stopped = engine.Advance(new ClockChangeInputs(started.Clocks, Now, new ComplaintWithdrawn("changed their mind"), null, false, false, [], []), Now.AddHours(1))!.Value;

        started.Clocks.Select(c => c.Name).Should().Equal(names);
        started.Changed!.Changes.Should().HaveCount(12).And.OnlyContain(c => c.Kind == ClockChangeKind.Started && c.DueAt == Now.AddDays(1));
        started.NextDueAt.Should().Be(Now.AddMinutes(1152), "the default warning falls at 80% of the day: 19 h 12 min");
        stopped.Clocks.Should().HaveCount(12).And.OnlyContain(c => c.Status == ClockStatus.Stopped && c.StoppedAt == Now.AddHours(1));
        stopped.Changed!.Changes.Select(c => c.Name).Should().Equal(names);
        stopped.Changed.Changes.Should().OnlyContain(c => c.Kind == ClockChangeKind.Stopped && c.Met == true);
        stopped.NextDueAt.Should().BeNull();
    }
}
