using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ComplaintFlow.Benchmarks;

// --quick: in-process, short runs, then one BUDGET line per budget; exit code 1 when any budget fails.
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

var job = Job.ShortRun
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(3)
    .WithIterationCount(8)
    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
    .WithLaunchCount(1);
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .WithOptions(ConfigOptions.DisableLogFile);

var summary = BenchmarkRunner.Run<CoreCommandBenchmarks>(config);
var sqlite = BenchmarkRunner.Run<SqliteBenchmarks>(config);
var command = Report(summary, nameof(CoreCommandBenchmarks.FullCase));
var fire = Report(summary, nameof(CoreCommandBenchmarks.RawStatelessFire));
var clocked = Report(summary, nameof(CoreCommandBenchmarks.FullCaseWithClocks));

var sqliteCommand = Report(sqlite, nameof(SqliteBenchmarks.SqliteCommand));
var sqliteRaw = Report(sqlite, nameof(SqliteBenchmarks.RawTransaction));

Budget[] budgets =
[
    new("core.command.vs.stateless-fire", Median(command) / Median(fire), 2.5, AtMost: true),
    new("core.command.bytes", command?.GcStats.GetBytesAllocatedPerOperation(command.BenchmarkCase), 3072, AtMost: true),
];

// Throughput ratio: commands per second over raw transactions per second, the inverse of the time ratio. The storage
// work is unfinished and this target (at least 0.7) is not met yet, so it is reported, not enforced.
var sqliteRatio = Median(sqliteRaw) / Median(sqliteCommand);

Console.WriteLine();
Console.WriteLine($"core: {CoreCommandBenchmarks.CasesPerStore} cases per store; one command median {Median(command):0.0} ns, one raw Stateless fire median {Median(fire):0.0} ns, raw fire allocates {fire?.GcStats.GetBytesAllocatedPerOperation(fire.BenchmarkCase)} B");
Console.WriteLine($"sqlite: one command median {Median(sqliteCommand) / 1000:0.0} us, one raw transaction median {Median(sqliteRaw) / 1000:0.0} us");
Console.WriteLine($"INFO sqlite.command.vs.raw-tx measured={sqliteRatio:0.###} target=0.7 (storage issue open; not yet enforced)");
Console.WriteLine($"INFO core.command-with-clocks.vs.stateless-fire measured={Median(clocked) / Median(fire):0.###} bytes={clocked?.GcStats.GetBytesAllocatedPerOperation(clocked.BenchmarkCase)} (the default clocks on every case; not a budget)");
foreach (var budget in budgets)
{
    Console.WriteLine(budget.Line);
}

return budgets.All(b => b.Passed) ? 0 : 1;

static BenchmarkReport? Report(Summary summary, string method) =>
    summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);

static double? Median(BenchmarkReport? report) => report?.ResultStatistics?.Median;
