using System.Diagnostics;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// Throughput of a subject against a baseline, measured in alternating rounds so that a noisy neighbour slows both
/// alike. Each round runs both for about the same time, in alternating order; the figure is the median of the rounds'
/// ratios. Used for storage, where one operation waits on a disk flush and BenchmarkDotNet's sequential runs would
/// compare different minutes of a shared machine.
/// </summary>
internal static class Interleaved
{
    public sealed record Result(double Ratio, double SubjectMicroseconds, double BaselineMicroseconds);

    /// <summary>Returns subject operations per second over baseline operations per second (higher is better).</summary>
    public static async Task<Result> CompareAsync(Func<Task> subject, Func<Task> baseline, int rounds, TimeSpan roundTime)
    {
        // Warm both up, and size the rounds from the warm-up.
        var subjectEach = await TimeAsync(subject, 20) / 20;
        var baselineEach = await TimeAsync(baseline, 20) / 20;
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

    private static async Task<double> TimeAsync(Func<Task> operation, int count)
    {
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
