using ComplaintFlow.Events;

namespace ComplaintFlow.Tests.Model;

/// <summary>A clock change keeps its optional values as ticks and flags; each reads back as given, and the default has none.</summary>
public sealed class ClockChangeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Default_HasNoOptionalValues()
    {
        var change = default(ClockChange);

        change.DueAt.Should().BeNull();
        change.Remaining.Should().BeNull();
        change.Met.Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Constructor_ValuesGiven_ReadBackTheSame(bool met)
    {
        var change = new ClockChange("fulfilment", ClockChangeKind.Stopped, Start, TimeSpan.FromMinutes(-3), met);

        change.Name.Should().Be("fulfilment");
        change.Kind.Should().Be(ClockChangeKind.Stopped);
        change.DueAt.Should().Be(Start);
        change.Remaining.Should().Be(TimeSpan.FromMinutes(-3));
        change.Met.Should().Be(met);
    }

    [Fact]
    public void With_SetsAndClearsEachOptionalValueOnItsOwn()
    {
        var change = new ClockChange("resolution", ClockChangeKind.Paused, null, TimeSpan.FromHours(2));

        var withDue = change with { DueAt = Start };
        var cleared = withDue with { Remaining = null, Met = false };

        withDue.Remaining.Should().Be(TimeSpan.FromHours(2));
        withDue.DueAt.Should().Be(Start);
        cleared.DueAt.Should().Be(Start);
        cleared.Remaining.Should().BeNull();
        cleared.Met.Should().BeFalse();
        (cleared with { Met = null }).Met.Should().BeNull();
        (withDue with { DueAt = null }).Should().Be(change);
    }
}
