using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
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
    private readonly SnapshotCache _snapshots = new(capacity: 1024);
    private readonly SqliteWriter _writer;
    private bool _connectionsStartFull;

    public SqliteComplaintStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
        _writer = new SqliteWriter(OpenAsync);
    }

    public async ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenForReadsAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "SELECT document FROM cases WHERE id = $id", ("$id", Key(caseId)));
        var document = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            _snapshots.Forget(caseId);
            return null;
        }

        if (_snapshots.Find(caseId, document) is { } known)
        {
            return known;
        }

        var complaint = ReadCase(caseId, document);
        _snapshots.Remember(caseId, document, complaint);
        return complaint;
    }

    public async ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenForReadsAsync(cancellationToken).ConfigureAwait(false);
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
        using var connection = await OpenForReadsAsync(cancellationToken).ConfigureAwait(false);
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
        var document = StoredDocuments.Write(ComplaintJson.SerializeCase(complaint));
        (string, object?)[] columns =
        [
            ("$id", id), ("$version", complaint.Version), ("$step", complaint.Step), ("$owner", complaint.Owner?.Id),
            ("$customer", complaint.CustomerRef), ("$open", complaint.IsOpen ? 1 : 0), ("$received", complaint.ReceivedAt.UtcTicks),
            ("$due", complaint.NextDueAt?.UtcTicks), ("$document", document), ("$expected", change.ExpectedVersion),
        ];

        using var turn = await _writer.TakeTurnAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = turn.Connection.BeginTransaction(deferred: false);
        try
        {
            var saved = change.ExpectedVersion == 0
                ? await TryInsertCaseAsync(turn, transaction, columns, cancellationToken).ConfigureAwait(false)
                : await TryUpdateCaseAsync(turn, transaction, change, columns, cancellationToken).ConfigureAwait(false);
            if (saved is not null)
            {
                throw new ComplaintConcurrencyException(complaint.Id, change.ExpectedVersion, saved.Value);
            }

            // Categories change only when a case opens or its categories are set; skip the index rows otherwise.
            if (change.Events.Any(e => e.Data is ComplaintOpened or CategoriesChanged))
            {
                await turn.Statement(transaction, "DELETE FROM case_categories WHERE case_id = $id", ("$id", id)).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                foreach (var category in complaint.Categories)
                {
                    await turn.Statement(transaction, "INSERT INTO case_categories (category, case_id) VALUES ($category, $id)", ("$category", category), ("$id", id)).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var complaintEvent in change.Events)
            {
                await turn.Statement(transaction, "INSERT INTO events (case_id, sequence, type, occurred_at, document) VALUES ($id, $sequence, $type, $at, $document)",
                    ("$id", id), ("$sequence", complaintEvent.Sequence), ("$type", complaintEvent.Data.GetType().Name), ("$at", complaintEvent.OccurredAt.UtcTicks), ("$document", StoredDocuments.Write(ComplaintJson.SerializeEvent(complaintEvent))))
                    .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (change.EnqueueForDispatch)
                {
                    await turn.Statement(transaction, "INSERT INTO outbox (case_id, sequence, next_attempt_at) VALUES ($id, $sequence, $at)",
                        ("$id", id), ("$sequence", complaintEvent.Sequence), ("$at", complaintEvent.OccurredAt.UtcTicks)).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (change.Idempotency is { } record)
            {
                try
                {
                    await turn.Statement(transaction, "INSERT INTO idempotency (key, fingerprint, case_id, result) VALUES ($key, $fingerprint, $case, $result)",
                        ("$key", record.Key), ("$fingerprint", record.Fingerprint), ("$case", Key(record.CaseId)), ("$result", StoredDocuments.Write(ComplaintJson.SerializeCase(record.Result))))
                        .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
                {
                    throw new IdempotencyKeyConflictException(record.Key);
                }
            }

            transaction.Commit();
        }
        catch (ComplaintFlowException)
        {
            // A refusal: the transaction rolls back on dispose and the connection is as good as before.
            turn.Completed();
            throw;
        }

        turn.Completed();
        _snapshots.Remember(complaint.Id, document, complaint);
    }

    public async ValueTask<IReadOnlyList<ComplaintId>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        // Expired claims go first, so every claim left is live; the due index (next_due_at, id) covers the scan.
        using var command = Command(connection, """
            DELETE FROM due_claims WHERE claimed_until <= $now;
            INSERT INTO due_claims (case_id, claimed_until)
            SELECT id, $until FROM cases
            WHERE next_due_at <= $now AND id NOT IN (SELECT case_id FROM due_claims)
            ORDER BY next_due_at LIMIT $limit
            RETURNING case_id
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
        using var connection = await OpenForReadsAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, sql, [.. parameters]);
        var found = new List<ComplaintCase>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ReadCase(ComplaintId.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return found;
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(claim);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        // A case is claimable when its oldest waiting event is due and not parked, and no live claim holds it. The
        // upsert takes over only expired claims; writers are serialised, so two claims never both get a case.
        var onlyCase = claim.CaseId is null ? string.Empty : "AND h.case_id = $case";
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO outbox_claims (case_id, token, claimed_until)
            SELECT h.case_id, $token, $until FROM outbox h
            WHERE h.sequence = (SELECT MIN(sequence) FROM outbox m WHERE m.case_id = h.case_id)
                AND h.parked = 0 AND h.next_attempt_at <= $now {onlyCase}
                AND NOT EXISTS (SELECT 1 FROM outbox_claims c WHERE c.case_id = h.case_id AND c.claimed_until > $now)
            ORDER BY h.next_attempt_at LIMIT $max
            ON CONFLICT (case_id) DO UPDATE SET token = excluded.token, claimed_until = excluded.claimed_until
            """,
            [("$token", claim.Token), ("$until", (claim.Now + claim.Lease).UtcTicks), ("$now", claim.Now.UtcTicks), ("$max", claim.MaxCases), ("$case", claim.CaseId is { } only ? Key(only) : null)],
            cancellationToken).ConfigureAwait(false);
        var rows = await ReadOutboxAsync(connection, transaction, """
            SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document
            FROM outbox_claims c JOIN outbox o ON o.case_id = c.case_id JOIN events e ON e.case_id = o.case_id AND e.sequence = o.sequence
            WHERE c.token = $token ORDER BY o.case_id, o.sequence
            """, [("$token", claim.Token)], cancellationToken).ConfigureAwait(false);
        var (entries, unreadable) = OutboxRow.Parse(rows, StoreName);
        foreach (var (row, error) in unreadable)
        {
            await ExecuteAsync(connection, transaction, "UPDATE outbox SET parked = 1, last_error = $error WHERE case_id = $id AND sequence = $sequence",
                [("$error", error), ("$id", Key(row.CaseId)), ("$sequence", row.Sequence)], cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return entries;
    }

    public async ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "DELETE FROM outbox WHERE case_id = $id AND sequence <= $through", ("$id", Key(caseId)), ("$through", throughSequence));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, """
            UPDATE outbox SET attempts = $attempts, last_error = $error, next_attempt_at = $next, parked = $parked
            WHERE case_id = $id AND sequence = $sequence
            """,
            ("$attempts", failure.Attempts), ("$error", failure.Error), ("$next", failure.NextAttemptAt.UtcTicks), ("$parked", failure.Park ? 1 : 0),
            ("$id", Key(failure.CaseId)), ("$sequence", failure.Sequence));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "DELETE FROM outbox_claims WHERE token = $token", ("$token", claimToken));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(query);
        using var connection = await OpenForReadsAsync(cancellationToken).ConfigureAwait(false);
        var parked = query.ParkedOnly ? "AND o.parked = 1" : string.Empty;
        var onlyCase = query.CaseId is null ? string.Empty : "AND o.case_id = $case";
        return OutboxRow.ParseAll(await ReadOutboxAsync(connection, null, $"""
            SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document
            FROM outbox o JOIN events e ON e.case_id = o.case_id AND e.sequence = o.sequence
            WHERE 1 = 1 {parked} {onlyCase} ORDER BY o.case_id, o.sequence LIMIT $limit
            """, [("$case", query.CaseId is { } only ? Key(only) : null), ("$limit", query.Limit)], cancellationToken).ConfigureAwait(false), StoreName);
    }

    public async ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, "UPDATE outbox SET parked = 0, attempts = 0, next_attempt_at = $now WHERE case_id = $id AND parked = 1",
            ("$now", now.UtcTicks), ("$id", Key(caseId)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or upgrades the schema now rather than on first use.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _schema.Dispose();
    }

    // GUID v7 text sorts by creation time, so ORDER BY id pages oldest first, as ComplaintId compares.
    private static string Key(ComplaintId id) => id.ToString();

    private static ComplaintCase ReadCase(ComplaintId caseId, string document) => StoredDocuments.ReadCase(caseId, document, StoreName);

    private static async Task<List<OutboxRow>> ReadOutboxAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        var rows = new List<OutboxRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new OutboxRow(
                ComplaintId.Parse(reader.GetString(0)),
                reader.GetInt64(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5) == 1,
                reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>Inserts a new case; returns null when saved, otherwise the version found under its id.</summary>
    private static async Task<long?> TryInsertCaseAsync(SqliteWriter.Turn turn, SqliteTransaction transaction, (string, object?)[] columns, CancellationToken cancellationToken)
    {
        try
        {
            await turn.Statement(transaction, """
                INSERT INTO cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document)
                VALUES ($id, $version, $step, $owner, $customer, $open, $received, $due, $document)
                """, columns).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            return (long?)await turn.Statement(transaction, "SELECT version FROM cases WHERE id = $id", columns[0]).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <summary>
    /// Updates a case at the expected version; returns null when saved, otherwise the version found. Only the indexed
    /// columns whose values changed are written: SQLite rewrites an index for every column named in SET, and most
    /// commands change none of them, so this saves several index writes per command.
    /// </summary>
    private static async Task<long?> TryUpdateCaseAsync(
        SqliteWriter.Turn turn, SqliteTransaction transaction, ComplaintChange change, (string, object?)[] columns, CancellationToken cancellationToken)
    {
        var complaint = change.Case;
        var read = turn.Statement(transaction, "SELECT version, step, owner_id, customer_ref, received_at, next_due_at FROM cases WHERE id = $id", columns[0]);
        var set = new System.Text.StringBuilder("version = $version, is_open = $open, document = $document");
        using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            var version = reader.GetInt64(0);
            if (version != change.ExpectedVersion)
            {
                return version;
            }

            AppendIfChanged(set, reader.GetString(1) != complaint.Step, "step = $step");
            AppendIfChanged(set, (reader.IsDBNull(2) ? null : reader.GetString(2)) != complaint.Owner?.Id, "owner_id = $owner");
            AppendIfChanged(set, reader.GetString(3) != complaint.CustomerRef || reader.GetInt64(4) != complaint.ReceivedAt.UtcTicks, "customer_ref = $customer, received_at = $received");
            AppendIfChanged(set, (reader.IsDBNull(5) ? null : reader.GetInt64(5)) != complaint.NextDueAt?.UtcTicks, "next_due_at = $due");
        }

        var updated = await turn.Statement(transaction, $"UPDATE cases SET {set} WHERE id = $id AND version = $expected", columns).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return updated == 1 ? null : throw new InvalidOperationException($"Case {complaint.Id} changed inside its own write transaction.");
    }

    private static void AppendIfChanged(System.Text.StringBuilder set, bool changed, string assignment)
    {
        if (changed)
        {
            set.Append(", ").Append(assignment);
        }
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(forWrites: true, cancellationToken);

    private Task<SqliteConnection> OpenForReadsAsync(CancellationToken cancellationToken) => OpenAsync(forWrites: false, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(bool forWrites, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_schema.IsReady)
            {
                // The journal mode is stored in the file, so it is set once. Synchronous belongs to each connection:
                // FULL means a command that returned is on disk even if the machine loses power. Builds of SQLite
                // whose connections start at FULL (the one shipped with Microsoft.Data.Sqlite does) need no pragma
                // per connection; any other build gets it on every connection that writes.
                using var pragmas = connection.CreateCommand();
                pragmas.CommandText = "PRAGMA journal_mode = WAL";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _connectionsStartFull = await SynchronousAsync(connection, cancellationToken).ConfigureAwait(false) == 2;
            }

            if (forWrites && !_connectionsStartFull)
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = FULL";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task<long> SynchronousAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
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
}
