namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The core budgets of <c>--quick</c>: one command through the public API against one raw Stateless fire, measured in
/// interleaved rounds of the same process so both figures come from the same minutes of a shared machine.
/// </summary>
/// <remarks>
/// BenchmarkDotNet runs one benchmark after the other, so the command and the fire it is divided by were measured up
/// to a minute apart: one CI run read the fire at 533 ns and the command at 1,362 ns (2.56) where the runs around it
/// read 1.58-1.95 on the same code. Alternating rounds expose both to the same load.
/// </remarks>
internal static class CoreBudgets
{
    private const int Rounds = 21;
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(400);

    // Long enough for tiered compilation to reach its optimised code for both paths before anything is timed.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>The figures of one run.</summary>
    /// <param name="PlainNanoseconds">Median cost of one command with the clocks off.</param>
    /// <param name="ClockedNanoseconds">Median cost of one command with the default clocks.</param>
    /// <param name="FireForPlainNanoseconds">Median cost of one raw fire, in the rounds beside the plain command.</param>
    /// <param name="FireForClockedNanoseconds">Median cost of one raw fire, in the rounds beside the clocked command.</param>
    /// <param name="ClockedBytes">Bytes allocated by one command with the default clocks, on every thread.</param>
    /// <param name="PlainBytes">Bytes allocated by one command with the clocks off.</param>
    /// <param name="FireBytes">Bytes allocated by one raw fire.</param>
    public sealed record Result(
        double PlainNanoseconds,
        double ClockedNanoseconds,
        double FireForPlainNanoseconds,
        double FireForClockedNanoseconds,
        double ClockedBytes,
        double PlainBytes,
        double FireBytes)
    {
        public double PlainRatio => PlainNanoseconds / FireForPlainNanoseconds;

        public double ClockedRatio => ClockedNanoseconds / FireForClockedNanoseconds;
    }

    public static async Task<Result> MeasureAsync()
    {
        using var bench = new CoreCommandBenchmarks();
        bench.Setup();
        Task Fire()
        {
            bench.RawStatelessFire();
            return Task.CompletedTask;
        }

        Task Plain() => bench.FullCase();
        Task Clocked() => bench.FullCaseWithClocks();

        var plain = await Interleaved.CompareAsync(Plain, Fire, Rounds, RoundTime, WarmUp);
        var clocked = await Interleaved.CompareAsync(Clocked, Fire, Rounds, RoundTime, WarmUp);
        const double perCase = CoreCommandBenchmarks.CommandsPerCase;
        const double perFireCall = CoreCommandBenchmarks.FiresPerInvoke;
        return new Result(
            plain.SubjectMicroseconds * 1000 / perCase,
            clocked.SubjectMicroseconds * 1000 / perCase,
            plain.BaselineMicroseconds * 1000 / perFireCall,
            clocked.BaselineMicroseconds * 1000 / perFireCall,
            await BytesPerCallAsync(Clocked) / perCase,
            await BytesPerCallAsync(Plain) / perCase,
            await BytesPerCallAsync(Fire) / perFireCall);
    }

    // Counted on every thread (an await that yields finishes elsewhere), over enough calls that the odd allocation of
    // a store being replaced is spread thin, as BenchmarkDotNet's memory diagnoser spreads it.
    private static async Task<double> BytesPerCallAsync(Func<Task> call)
    {
        const int calls = 2_000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
    }
}
