using BenchmarkDotNet.Attributes;
using ComplaintFlow.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// Commands through the public API on the SQLite store, against the raw SQLite transaction a team would write by hand
/// for the same work: one row the size of the case's document updated, one event row inserted, same pragmas (WAL,
/// synchronous FULL), one immediate transaction.
/// </summary>
[MemoryDiagnoser]
public class SqliteBenchmarks : IDisposable
{
    private static readonly Actor Agent = new("a-1", "Agent", "agent");
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-bench-").FullName;
    private ServiceProvider? _provider;
    private IComplaintDesk _desk = null!;
    private ComplaintId _case;
    private int _toggle;
    private RawSqliteWriter _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(_folder, "complaints.db")}").Services.BuildServiceProvider();
        _desk = _provider.GetRequiredService<IComplaintDesk>();
        var c = _desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent }).AsTask().GetAwaiter().GetResult();
        c = _desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent }).AsTask().GetAwaiter().GetResult();
        _case = c.Id;
        var history = _desk.GetHistoryAsync(c.Id).AsTask().GetAwaiter().GetResult();
        _raw = new RawSqliteWriter(Path.Combine(_folder, "raw.db"), ComplaintJson.SerializeCase(c).Length, ComplaintJson.SerializeEvent(history[^1]).Length);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _raw?.Dispose();
        _provider?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<ComplaintCase> SqliteCommand() =>
        await _desk.ExecuteAsync(new SetSeverity { CaseId = _case, Actor = Agent, Severity = (++_toggle & 1) == 0 ? Severity.High : Severity.Low });

    [Benchmark(Baseline = true)]
    public int RawTransaction() => _raw.Write();
}
