using System.Diagnostics;
using ComplaintFlow.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The report budgets of <c>--quick</c>: the FCA return for a half-year and the summary of a month over the million
/// cases of <see cref="ClaimDueDatabase"/>, each a median of single runs, and the process's peak working set while
/// they run, sampled every few milliseconds, over its level before.
/// </summary>
internal static class ReportBudgets
{
    public static readonly ReportPeriod HalfYear = new(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    public static readonly ReportPeriod May = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public sealed record Result(double FcaReturnMs, double SummaryMs, double PeakWorkingSetDeltaMb, long ReceivedInMay, long OpenedInHalfYear);

    public static async Task<Result> SqliteMillionAsync()
    {
        var file = await ClaimDueDatabase.EnsureAsync();
        using var app = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={file}").Services.BuildServiceProvider();
        return await MeasureAsync(app.GetRequiredService<IComplaintReports>());
    }

    /// <summary>The same figures on PostgreSQL, over the same million cases copied into a new schema; null without a server.</summary>
    public static async Task<Result?> PostgresMillionAsync()
    {
        var server = Environment.GetEnvironmentVariable("COMPLAINTFLOW_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        var schema = "cf_bench_reports_" + Guid.NewGuid().ToString("N")[..10];
        await using var admin = NpgsqlDataSource.Create(server);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, CommandTimeout = 600 }.ToString();
            using var app = new ServiceCollection().AddComplaintFlow().UsePostgreSql(connectionString).Services.BuildServiceProvider();

            // The first query creates the schema's tables.
            await app.GetRequiredService<Storage.IComplaintStore>().QueryAsync(new Storage.ComplaintQuery { Limit = 1 });
            Console.WriteLine($"Copying {ClaimDueDatabase.Cases:N0} cases' report rows into PostgreSQL schema {schema}...");
            await using (var data = NpgsqlDataSource.Create(connectionString))
            {
                await using (var sink = await PostgresReportRowSink.OpenAsync(data))
                {
                    var random = new Random(7);
                    for (var i = 0; i < ClaimDueDatabase.Cases; i++)
                    {
                        ReportRows.Add(i, Guid.CreateVersion7(ClaimDueDatabase.Now.AddMinutes(-i)), ClaimDueDatabase.Now, random, sink);
                    }

                    await sink.CompleteAsync();
                }

                await data.CreateCommand("VACUUM ANALYZE").ExecuteNonQueryAsync();
            }

            return await MeasureAsync(app.GetRequiredService<IComplaintReports>());
        }
        finally
        {
            await admin.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }

    private static async Task<Result> MeasureAsync(IComplaintReports reports)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(5, CancellationToken.None);
            }
        });

        FcaReturn? fca = null;
        ComplaintSummary? summary = null;
        double fcaMs, summaryMs;
        try
        {
            // One untimed run of each warms the page cache, as in a process that has been running a while.
            fcaMs = await MedianMillisecondsAsync(async () => fca = await reports.GetFcaReturnAsync(HalfYear), runs: 5);
            summaryMs = await MedianMillisecondsAsync(async () => summary = await reports.GetSummaryAsync(May), runs: 5);
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
        }

        return new Result(fcaMs, summaryMs, (peak - before) / (1024.0 * 1024.0), summary!.Received, fca!.Total.Opened);
    }

    private static async Task<double> MedianMillisecondsAsync(Func<Task> run, int runs)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[runs / 2];
    }
}
