using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Sqlite;

/// <summary>
/// The store's one connection for saving commands, with its statements prepared once. SQLite lets one writer in at a
/// time anyway, so saves wait on a gate here instead of polling the file lock; and preparing a statement costs about
/// as much as running it, so reusing them saves several microseconds per statement on every command.
/// </summary>
internal sealed class SqliteWriter(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private volatile bool _disposed;

    /// <summary>Waits for the writer; dispose the result to let the next save in.</summary>
    public async Task<Turn> TakeTurnAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteComplaintStore));
            _connection ??= await open(cancellationToken).ConfigureAwait(false);
            return new Turn(this, _connection);
        }
        catch
        {
            _gate.Release();
            CloseIfDisposed();
            throw;
        }
    }

    /// <summary>
    /// Closes the connection, at once when no save holds it, otherwise when that save's turn ends: closing it under a
    /// running save would fail the save for the wrong reason. Later turns are refused as disposed.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseIfDisposed();
    }

    // Whoever lets go of the gate after the writer is disposed closes the connection: Dispose when no turn is out, else
    // the turn as it ends. Each checks after the other's step (both pass through the semaphore), so one of them closes it.
    private void CloseIfDisposed()
    {
        if (_disposed && _gate.Wait(0))
        {
            Reset();
            _gate.Release();
        }
    }

    /// <summary>Drops the connection after an unexpected failure; the next turn opens a fresh one.</summary>
    private void Reset()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>One save's exclusive use of the writer connection.</summary>
    internal sealed class Turn(SqliteWriter writer, SqliteConnection connection) : IDisposable
    {
        private bool _healthy;

        public SqliteConnection Connection => connection;

        /// <summary>The prepared statement for <paramref name="sql"/>, bound to the transaction and these values.</summary>
        public SqliteCommand Statement(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
        {
            if (!writer._statements.TryGetValue(sql, out var statement))
            {
                statement = connection.CreateCommand();
                statement.CommandText = sql;
                writer._statements.Add(sql, statement);
            }

            statement.Transaction = transaction;
            statement.Parameters.Clear();
            foreach (var (name, value) in parameters)
            {
                statement.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return statement;
        }

        /// <summary>Marks the turn as ended normally (committed, or refused with the connection intact).</summary>
        public void Completed() => _healthy = true;

        public void Dispose()
        {
            if (!_healthy)
            {
                writer.Reset();
            }

            writer._gate.Release();
            writer.CloseIfDisposed();
        }
    }
}
