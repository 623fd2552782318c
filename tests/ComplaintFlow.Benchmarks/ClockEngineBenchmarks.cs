using BenchmarkDotNet.Attributes;
using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The clock engine's reaction to the changes of a default case, one at a time: the opening (two clocks start), a
/// move into a step that waits on the customer (two pause) and the acceptance (two resume, one starts). Each is a
/// share of what the default clocks add to a command (see <see cref="CoreCommandBenchmarks.FullCaseWithClocks"/>).
/// </summary>
[MemoryDiagnoser]
public class ClockEngineBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly ClockEngine _engine = new(ClockPresets.Default());
    private ClockChangeInputs _opening;
    private ClockChangeInputs _waiting;
    private ClockChangeInputs _accepted;

    [GlobalSetup]
    public void Setup()
    {
        _opening = new ClockChangeInputs([], Now, new ComplaintOpened("c", Channel.Email, "s", Now, Severity.Medium, ComplaintFlags.None, [], false), null, false, false, [], []);
        var opened = _engine.Advance(_opening, Now)!.Value.Clocks;
        var acknowledged = _engine.Advance(new ClockChangeInputs(opened, Now, new ComplaintAcknowledged(new Actor("a", "A", "agent"), true, null), null, false, false, [], []), Now.AddHours(1))!.Value.Clocks;
        _waiting = new ClockChangeInputs(acknowledged, Now, new ParaphraseSubmitted("text"), null, false, true, [], []);
        var paused = _engine.Advance(_waiting, Now.AddHours(2))!.Value.Clocks;
        _accepted = new ClockChangeInputs(paused, Now, new ProposalAccepted(1, Channel.Email), null, true, false, [], []);
    }

    [Benchmark]
    public object? Opening() => _engine.Advance(_opening, Now);

    [Benchmark]
    public object? IntoWaiting() => _engine.Advance(_waiting, Now.AddHours(2));

    [Benchmark]
    public object? Accepted() => _engine.Advance(_accepted, Now.AddHours(3));
}
