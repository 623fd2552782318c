using ComplaintFlow.Events;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using ComplaintFlow.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Sqlite;

/// <summary>
/// Cases in one SQLite file: the snapshot as JSON with indexed columns for queries, the history one row per event,
/// and idempotency records, all written in one immediate transaction per command with the version checked inside it.
/// Times are stored as UTC ticks.
/// </summary>
internal sealed class SqliteComplaintStore : IComplaintStore, IDisposable
{
    private const string StoreName = "SQLite";
    private const int SqliteConstraintPrimaryKey = 1555;

    private static readonly SqlDialect Dialect = new("$", string.Empty, "is_open = 1", id => Key(id));
    private const int SqliteConstraintUnique = 2067;

    private readonly string _connectionString;
    private readonly SchemaGate _schema = new();

    public SqliteComplaintStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
    }

    public async ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT document FROM cases WHERE id = $id", ("$id", Key(caseId)));
        var document = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : ReadCase(caseId, document);
    }

    public async ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT document FROM events WHERE case_id = $id ORDER BY sequence", ("$id", Key(caseId)));
        var history = new List<ComplaintEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(StoredDocuments.ReadEvent(caseId, reader.GetString(0), StoreName));
        }

        return history;
    }

    public async ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT fingerprint, case_id, result FROM idempotency WHERE key = $key", ("$key", idempotencyKey));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var caseId = ComplaintId.Parse(reader.GetString(1));
        return new IdempotencyRecord(idempotencyKey, reader.GetString(0), caseId, ReadCase(caseId, reader.GetString(2)));
    }

    public async ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var complaint = change.Case;
        var id = Key(complaint.Id);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        var document = StoredDocuments.Write(ComplaintJson.SerializeCase(complaint));
        (string, object?)[] columns =
        [
            ("$id", id), ("$version", complaint.Version), ("$step", complaint.Step), ("$owner", complaint.Owner?.Id),
            ("$customer", complaint.CustomerRef), ("$open", complaint.IsOpen ? 1 : 0), ("$received", complaint.ReceivedAt.UtcTicks),
            ("$due", complaint.NextDueAt?.UtcTicks), ("$document", document), ("$expected", change.ExpectedVersion),
        ];
        var saved = change.ExpectedVersion == 0
            ? await TryInsertCaseAsync(connection, transaction, columns, cancellationToken).ConfigureAwait(false)
            : await ExecuteAsync(connection, transaction, """
                UPDATE cases SET version = $version, step = $step, owner_id = $owner, customer_ref = $customer, is_open = $open,
                    received_at = $received, next_due_at = $due, document = $document
                WHERE id = $id AND version = $expected
                """, columns, cancellationToken).ConfigureAwait(false) == 1;
        if (!saved)
        {
            var actual = await ScalarAsync(connection, transaction, "SELECT version FROM cases WHERE id = $id", [("$id", id)], cancellationToken).ConfigureAwait(false);
            throw new ComplaintConcurrencyException(complaint.Id, change.ExpectedVersion, actual is long version ? version : 0);
        }

        // Categories change only when a case opens or its categories are set; skip the index rows otherwise.
        if (change.Events.Any(e => e.Data is ComplaintOpened or CategoriesChanged))
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM case_categories WHERE case_id = $id", [("$id", id)], cancellationToken).ConfigureAwait(false);
            foreach (var category in complaint.Categories)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO case_categories (category, case_id) VALUES ($category, $id)", [("$category", category), ("$id", id)], cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var complaintEvent in change.Events)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO events (case_id, sequence, type, occurred_at, document) VALUES ($id, $sequence, $type, $at, $document)",
                [("$id", id), ("$sequence", complaintEvent.Sequence), ("$type", complaintEvent.Data.GetType().Name), ("$at", complaintEvent.OccurredAt.UtcTicks), ("$document", StoredDocuments.Write(ComplaintJson.SerializeEvent(complaintEvent)))],
                cancellationToken).ConfigureAwait(false);
        }

        if (change.Idempotency is { } record)
        {
            try
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO idempotency (key, fingerprint, case_id, result) VALUES ($key, $fingerprint, $case, $result)",
                    [("$key", record.Key), ("$fingerprint", record.Fingerprint), ("$case", Key(record.CaseId)), ("$result", StoredDocuments.Write(ComplaintJson.SerializeCase(record.Result)))],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
            {
                throw new IdempotencyKeyConflictException(record.Key);
            }
        }

        transaction.Commit();
    }

    public async ValueTask<IReadOnlyList<ComplaintId>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = Command(connection, """
            UPDATE cases SET lease_until = $until
            WHERE id IN (SELECT id FROM cases WHERE next_due_at <= $now AND lease_until <= $now ORDER BY next_due_at LIMIT $limit)
            RETURNING id
            """, ("$until", (now + lease).UtcTicks), ("$now", now.UtcTicks), ("$limit", batchSize));
        command.Transaction = transaction;
        var claimed = new List<ComplaintId>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(ComplaintId.Parse(reader.GetString(0)));
            }
        }

        transaction.Commit();
        return claimed;
    }

    public async ValueTask<IReadOnlyList<ComplaintCase>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = CaseQuerySql.For(query, Dialect, "document");
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, sql, [.. parameters]);
        var found = new List<ComplaintCase>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ReadCase(ComplaintId.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return found;
    }

    /// <summary>Creates or upgrades the schema now rather than on first use.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _schema.Dispose();

    // GUID v7 text sorts by creation time, so ORDER BY id pages oldest first, as ComplaintId compares.
    private static string Key(ComplaintId id) => id.ToString();

    private static ComplaintCase ReadCase(ComplaintId caseId, string document) => StoredDocuments.ReadCase(caseId, document, StoreName);

    private static async Task<bool> TryInsertCaseAsync(SqliteConnection connection, SqliteTransaction transaction, (string, object?)[] columns, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document)
                VALUES ($id, $version, $step, $owner, $customer, $open, $received, $due, $document)
                """, columns, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            return false;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var pragmas = connection.CreateCommand())
            {
                // FULL: a command that returned is on disk, even if the machine loses power. The journal mode is set
                // once with the schema, because it is stored in the file; synchronous belongs to each connection.
                pragmas.CommandText = _schema.IsReady ? "PRAGMA synchronous = FULL" : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_schema.IsReady)
            {
                await _schema.EnsureAsync(token => SqliteSchema.EnsureAsync(connection, token), cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
