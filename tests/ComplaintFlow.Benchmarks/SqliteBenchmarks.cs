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
    private SqliteConnection _raw = null!;
    private string _document = string.Empty;
    private string _event = string.Empty;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(_folder, "complaints.db")}").Services.BuildServiceProvider();
        _desk = _provider.GetRequiredService<IComplaintDesk>();
        var c = _desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent }).AsTask().GetAwaiter().GetResult();
        c = _desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent }).AsTask().GetAwaiter().GetResult();
        _case = c.Id;
        _document = new string('x', ComplaintJson.SerializeCase(c).Length);
        var history = _desk.GetHistoryAsync(c.Id).AsTask().GetAwaiter().GetResult();
        _event = new string('y', ComplaintJson.SerializeEvent(history[^1]).Length);

        _raw = new SqliteConnection($"Data Source={Path.Combine(_folder, "raw.db")}");
        _raw.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE cases (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL)");
        Execute("CREATE TABLE events (case_id TEXT NOT NULL, sequence INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (case_id, sequence)) WITHOUT ROWID");
        Execute("INSERT INTO cases VALUES ('c', 0, '')");
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
    public int RawTransaction()
    {
        using var transaction = _raw.BeginTransaction(deferred: false);
        using var update = _raw.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE cases SET version = version + 1, document = $document WHERE id = 'c'";
        update.Parameters.AddWithValue("$document", _document);
        update.ExecuteNonQuery();
        using var insert = _raw.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO events (case_id, sequence, document) VALUES ('c', $sequence, $document)";
        insert.Parameters.AddWithValue("$sequence", ++_sequence);
        insert.Parameters.AddWithValue("$document", _event);
        var rows = insert.ExecuteNonQuery();
        transaction.Commit();
        return rows;
    }

    private void Execute(string sql)
    {
        using var command = _raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
