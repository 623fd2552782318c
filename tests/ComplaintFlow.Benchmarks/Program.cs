using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ComplaintFlow.Benchmarks;

// --quick: in-process, short runs, then one BUDGET line per budget; exit code 1 when any budget fails.
// --quick --core: the core budgets only (no storage rounds), for a quick look while working on the command path.
// --quick --reports: the report figures only, for a quick look while working on the report SQL.
// --quick --storage: the storage ratios only (SQLite and PostgreSQL against raw transactions, SQLite against naive EF Core),
// printed and not judged, for a quick look while working on a store's save.
// Without --quick: the ordinary BenchmarkDotNet switcher, for full, careful runs.
var casesAt = Array.IndexOf(args, "--cases");
if (casesAt >= 0)
{
    CoreCommandBenchmarks.CasesPerStore = int.Parse(args[casesAt + 1], System.Globalization.CultureInfo.InvariantCulture);
    args = [.. args.Where((_, i) => i != casesAt && i != casesAt + 1)];
}

if (!args.Contains("--quick"))
{
    BenchmarkSwitcher.FromAssembly(typeof(CoreCommandBenchmarks).Assembly).Run(args);
    return 0;
}

if (args.Contains("--storage"))
{
    var scratch = Directory.CreateTempSubdirectory("complaintflow-bench-").FullName;
    try
    {
        var sqlite = await StorageBudgets.SqliteVsRawTransactionAsync(scratch);
        var naive = await StorageBudgets.SqliteVsNaiveEfCoreAsync(scratch);
        var postgres = await StorageBudgets.PostgresVsRawTransactionAsync();
        Console.WriteLine($"storage: sqlite command {sqlite.SubjectMicroseconds:0} us vs raw transaction {sqlite.BaselineMicroseconds:0} us, ratio {sqlite.Ratio:0.000}");
        Console.WriteLine($"storage: sqlite command {naive.SubjectMicroseconds:0} us vs naive EF Core command {naive.BaselineMicroseconds:0} us, ratio {naive.Ratio:0.000}");
        Console.WriteLine(postgres is { } only
            ? $"storage: postgres command {only.SubjectMicroseconds:0} us vs raw Npgsql transaction {only.BaselineMicroseconds:0} us, ratio {only.Ratio:0.000}"
            : "storage: postgres skipped; set COMPLAINTFLOW_POSTGRES");
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);
    }

    return 0;
}

if (args.Contains("--reports"))
{
    foreach (var (name, only) in new[] { ("sqlite", await ReportBudgets.SqliteMillionAsync()), ("postgres", await ReportBudgets.PostgresMillionAsync()) })
    {
        Console.WriteLine(only is null
            ? $"reports: {name} skipped"
            : $"reports: {name} FCA return {only.FcaReturnMs:0} ms ({only.OpenedInHalfYear:N0} opened), summary {only.SummaryMs:0} ms ({only.ReceivedInMay:N0} received), peak working set +{only.PeakWorkingSetDeltaMb:0} MB");
    }

    return 0;
}

// Fifteen iterations, not eight: on a shared machine a few seconds of someone else's load landed on most of one
// benchmark's eight iterations and moved its median by a quarter (600 -> 763 ns in one CI run, 588-635 ns in the runs
// around it); the median of fifteen needs twice as long a burst to move.
var job = Job.ShortRun
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(3)
    .WithIterationCount(15)
    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
    .WithLaunchCount(1);
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .WithOptions(ConfigOptions.DisableLogFile);

var calendar = BenchmarkRunner.Run<ClockBenchmarks>(config.AddFilter(new BenchmarkDotNet.Filters.NameFilter(name => name is nameof(ClockBenchmarks.AddTwelveBusinessHours) or nameof(ClockBenchmarks.SubtractTwelveBusinessHours) or nameof(ClockBenchmarks.PeriodsOverTwoWeeks))));

// The command and the raw fire it is divided by are timed in alternating rounds (CoreBudgets), not by
// BenchmarkDotNet's runs one after the other, which compared different minutes of a shared machine.
Console.WriteLine("Core: interleaved rounds...");
var core = await CoreBudgets.MeasureAsync();

// What users run has the default clocks on, so the clocked command carries the main budget and the byte budget. The
// clocked ratio is a target the command path does not meet yet (docs/performance.md, "What clocks cost"): printed with
// its verdict in every run, not enforced until it passes.
Budget[] coreBudgets =
[
    new("core.command-with-clocks.vs.stateless-fire", core.ClockedRatio, 2.0, AtMost: true, Enforced: false),
    new("core.command.vs.stateless-fire", core.PlainRatio, 2.0, AtMost: true),
    new("core.command.bytes", core.ClockedBytes, 3072, AtMost: true),
    new("calendar.add-12h.ns", Median(Report(calendar, nameof(ClockBenchmarks.AddTwelveBusinessHours))), 100, AtMost: true),
];

Console.WriteLine();
Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"core: {CoreCommandBenchmarks.CasesPerStore} cases per store; one command median {core.ClockedNanoseconds:0.0} ns with the default clocks ({core.ClockedBytes:0} B) beside a raw Stateless fire of {core.FireForClockedNanoseconds:0.0} ns; {core.PlainNanoseconds:0.0} ns without clocks ({core.PlainBytes:0} B) beside a fire of {core.FireForPlainNanoseconds:0.0} ns; a fire allocates {core.FireBytes:0} B"));
Console.WriteLine($"calendar: add 12 business hours {Median(Report(calendar, nameof(ClockBenchmarks.AddTwelveBusinessHours))):0.0} ns, subtract them {Median(Report(calendar, nameof(ClockBenchmarks.SubtractTwelveBusinessHours))):0.0} ns, list two weeks of periods {Median(Report(calendar, nameof(ClockBenchmarks.PeriodsOverTwoWeeks))):0.0} ns (Europe/London)");
if (args.Contains("--core"))
{
    return Finish(coreBudgets);
}

var folder = Directory.CreateTempSubdirectory("complaintflow-bench-").FullName;
Interleaved.Result sqliteVsRaw, sqliteVsEf;
Interleaved.Result? postgresVsRaw;
double claimDue;
ReportBudgets.Result reports;
ReportBudgets.Result? postgresReports;
try
{
    Console.WriteLine("Storage: interleaved rounds...");
    sqliteVsRaw = await StorageBudgets.SqliteVsRawTransactionAsync(folder);
    sqliteVsEf = await StorageBudgets.SqliteVsNaiveEfCoreAsync(folder);
    postgresVsRaw = await StorageBudgets.PostgresVsRawTransactionAsync();
    claimDue = await StorageBudgets.SqliteClaimDueFromMillionAsync();
    Console.WriteLine("Reports: the million-case file...");
    reports = await ReportBudgets.SqliteMillionAsync();
    postgresReports = await ReportBudgets.PostgresMillionAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

Budget[] budgets =
[
    .. coreBudgets,
    new("sqlite.command.vs.raw-tx", sqliteVsRaw.Ratio, 0.7, AtMost: false),
    new("postgres.command.vs.raw-tx", postgresVsRaw?.Ratio, 0.7, AtMost: false),
    new("sqlite.vs.naive-efcore", sqliteVsEf.Ratio, 3, AtMost: false),
    new("sqlite.claim-due.1m.ms", claimDue, 5, AtMost: true),
    new("reports.fca-return.1m.ms", reports.FcaReturnMs, 2000, AtMost: true),
    new("reports.summary.1m.ms", reports.SummaryMs, 2000, AtMost: true),
    new("reports.peak-working-set.delta.mb", reports.PeakWorkingSetDeltaMb, 200, AtMost: true),
];

Console.WriteLine($"storage: sqlite command {sqliteVsRaw.SubjectMicroseconds:0} us vs raw transaction {sqliteVsRaw.BaselineMicroseconds:0} us; naive EF Core command {sqliteVsEf.BaselineMicroseconds:0} us (ComplaintFlow {sqliteVsEf.SubjectMicroseconds:0} us in the same rounds)");
Console.WriteLine(postgresVsRaw is { } pg
    ? $"storage: postgres command {pg.SubjectMicroseconds:0} us vs raw Npgsql transaction {pg.BaselineMicroseconds:0} us"
    : "storage: postgres skipped; set COMPLAINTFLOW_POSTGRES (bash .ci/postgres.sh prints one) to measure it");
Console.WriteLine($"storage: claiming 100 due cases of 1,000,000 takes {claimDue:0.00} ms (median)");
Console.WriteLine($"reports: over 1,000,000 cases, the FCA return for December to May ({reports.OpenedInHalfYear:N0} opened) takes {reports.FcaReturnMs:0} ms and the summary of May ({reports.ReceivedInMay:N0} received) {reports.SummaryMs:0} ms (medians); peak working set {reports.PeakWorkingSetDeltaMb:0} MB over its level before");
Console.WriteLine(postgresReports is { } pr
    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"INFO reports.postgres.fca-return.1m.ms measured={pr.FcaReturnMs:0}\nINFO reports.postgres.summary.1m.ms measured={pr.SummaryMs:0}")
    : "reports: postgres skipped; set COMPLAINTFLOW_POSTGRES to measure it");
return Finish(budgets);

static int Finish(Budget[] budgets)
{
    foreach (var budget in budgets)
    {
        Console.WriteLine(budget.Line);
    }

    return budgets.Any(b => b.Failed) ? 1 : 0;
}

static BenchmarkReport? Report(Summary summary, string method) =>
    summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);

static double? Median(BenchmarkReport? report) => report?.ResultStatistics?.Median;
