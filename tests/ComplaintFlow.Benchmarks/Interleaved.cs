using System.Diagnostics;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// Throughput of a subject against a baseline, measured in alternating rounds so that a noisy neighbour slows both
/// alike. Each round runs both for about the same time, in alternating order; the figure is the median of the rounds'
/// ratios. Used for storage, where one operation waits on a disk flush, and for the core command against a raw
/// Stateless fire: BenchmarkDotNet's sequential runs would compare different minutes of a shared machine.
/// </summary>
internal static class Interleaved
{
    public sealed record Result(double Ratio, double SubjectMicroseconds, double BaselineMicroseconds);

    /// <summary>
    /// Returns subject operations per second over baseline operations per second (higher is better), with the median
    /// time of one subject and one baseline operation across the rounds.
    /// </summary>
    /// <param name="subject">The operation measured.</param>
    /// <param name="baseline">The operation it is compared with.</param>
    /// <param name="rounds">Rounds, each timing both.</param>
    /// <param name="roundTime">About how long one round runs the two together.</param>
    /// <param name="warmUp">How long to run each before timing anything: nothing for a disk-bound pair, whose flush
    /// dwarfs the code; enough for tiered compilation to finish on a CPU-bound pair.</param>
    public static async Task<Result> CompareAsync(Func<Task> subject, Func<Task> baseline, int rounds, TimeSpan roundTime, TimeSpan warmUp = default)
    {
        // Warm both up, and size the rounds from the warm-up: a long one where there is one (twenty operations can hold
        // a rare slow one, such as a store being replaced, and would size every round from it), else twenty operations.
        var subjectEach = warmUp > TimeSpan.Zero ? await MicrosecondsEachOverAsync(subject, warmUp) : await TimeAsync(subject, 20) / 20;
        var baselineEach = warmUp > TimeSpan.Zero ? await MicrosecondsEachOverAsync(baseline, warmUp) : await TimeAsync(baseline, 20) / 20;
        var subjectOps = Math.Max(5, (int)(roundTime.TotalMicroseconds / 2 / subjectEach));
        var baselineOps = Math.Max(5, (int)(roundTime.TotalMicroseconds / 2 / baselineEach));

        var ratios = new List<double>(rounds);
        var subjects = new List<double>(rounds);
        var baselines = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            double s, b;
            if (round % 2 == 0)
            {
                s = await TimeAsync(subject, subjectOps) / subjectOps;
                b = await TimeAsync(baseline, baselineOps) / baselineOps;
            }
            else
            {
                b = await TimeAsync(baseline, baselineOps) / baselineOps;
                s = await TimeAsync(subject, subjectOps) / subjectOps;
            }

            subjects.Add(s);
            baselines.Add(b);
            ratios.Add(b / s);
        }

        return new Result(Median(ratios), Median(subjects), Median(baselines));
    }

    /// <summary>The median time of single operations, each timed alone, with untimed work after each.</summary>
    public static async Task<double> MedianMicrosecondsAsync(Func<Task> timed, Func<Task> afterEach, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await timed();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            await afterEach();
        }

        return Median(times);
    }

    private static async Task<double> MicrosecondsEachOverAsync(Func<Task> operation, TimeSpan time)
    {
        var start = Stopwatch.GetTimestamp();
        var count = 0;
        while (Stopwatch.GetElapsedTime(start) < time)
        {
            await operation();
            count++;
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / count;
    }

    private static async Task<double> TimeAsync(Func<Task> operation, int count)
    {
        // A collection before each timed run, as BenchmarkDotNet does before each iteration, so one side does not pay
        // for the garbage the other left.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await operation();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
