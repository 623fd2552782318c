using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The raw SQLite transaction a team would write by hand for one command's work: one row the size of the case's
/// document updated, one event row inserted, same pragmas as the store (WAL, synchronous FULL), one immediate
/// transaction on an open connection.
/// </summary>
public sealed class RawSqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _document;
    private readonly string _event;
    private long _sequence;

    public RawSqliteWriter(string file, int documentLength, int eventLength)
    {
        _document = new string('x', documentLength);
        _event = new string('y', eventLength);
        _connection = new SqliteConnection($"Data Source={file}");
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE cases (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL)");
        Execute("CREATE TABLE events (case_id TEXT NOT NULL, sequence INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (case_id, sequence)) WITHOUT ROWID");
        Execute("INSERT INTO cases VALUES ('c', 0, '')");
    }

    public int Write()
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var update = _connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE cases SET version = version + 1, document = $document WHERE id = 'c'";
        update.Parameters.AddWithValue("$document", _document);
        update.ExecuteNonQuery();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO events (case_id, sequence, document) VALUES ('c', $sequence, $document)";
        insert.Parameters.AddWithValue("$sequence", ++_sequence);
        insert.Parameters.AddWithValue("$document", _event);
        var rows = insert.ExecuteNonQuery();
        transaction.Commit();
        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
