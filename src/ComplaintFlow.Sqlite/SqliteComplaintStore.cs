using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using ComplaintFlow.Storage.Sql;
using System.Globalization;
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

    private static readonly SqlDialect Dialect = new(StoreName, "$", string.Empty, "is_open = 1", id => Key(id));
    private const int SqliteConstraintUnique = 2067;

    private readonly string _connectionString;
    private readonly string _file;
    private readonly SchemaGate _schema = new();
    private readonly SnapshotCache _snapshots = new(capacity: 1024);
    private readonly SqliteWriter _writer;
    private readonly SqlReportQueries _reports;
    private bool _connectionsStartFull;
    private volatile bool _disposed;

    public SqliteComplaintStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        _connectionString = settings.ToString();
        _file = settings.DataSource;
        _writer = new SqliteWriter(OpenAsync);
        _reports = new SqlReportQueries(
            async token => await OpenAsync(forWrites: false, token).ConfigureAwait(false),
            exception => exception is SqliteException sqlite ? Failure(sqlite) : null,
            Dialect,
            value => StoredDocuments.ReadId(value, StoreName),
            WriteReportRowsAsync);
    }

    /// <summary>Report rows kept in the same transaction as each save; reports are computed by SQL over them.</summary>
    Reports.IReportQueries? IComplaintStore.Reports => _reports;

    public ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        UseAsync(forWrites: false, (Store: this, Id: caseId), static async (connection, state, token) =>
        {
            using var command = Command(connection, "SELECT document, version, (SELECT MAX(sequence) FROM events WHERE case_id = $id) FROM cases WHERE id = $id", ("$id", Key(state.Id)));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            if (!await reader.ReadAsync(token).ConfigureAwait(false))
            {
                state.Store._snapshots.Forget(state.Id);
                return null;
            }

            var document = reader.GetValue(0);
            var version = reader.GetInt64(1);
            var lastSequence = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
            if (document is string text && state.Store._snapshots.Find(state.Id, text) is { } known)
            {
                return StoredHistory.Verified(known, version, lastSequence, StoreName);
            }

            var complaint = StoredHistory.Verified(ReadCase(state.Id, document), version, lastSequence, StoreName);
            state.Store._snapshots.Remember(state.Id, (string)document, complaint);
            return (ComplaintCase?)complaint;
        }, cancellationToken);

    public ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        UseAsync(forWrites: false, caseId, static async (connection, id, token) =>
        {
            using var command = Command(connection, "SELECT c.version, e.document FROM cases c LEFT JOIN events e ON e.case_id = c.id WHERE c.id = $id ORDER BY e.sequence", ("$id", Key(id)));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await StoredDocuments.ReadHistoryAsync(reader, id, StoreName, token).ConfigureAwait(false);
        }, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return UseAsync(forWrites: false, idempotencyKey, static async (connection, key, token) =>
        {
            using var command = Command(connection, "SELECT fingerprint, case_id, result FROM idempotency WHERE key = $key", ("$key", key));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false)
                ? StoredDocuments.ReadIdempotencyRecord(key, reader.GetValue(0), reader.GetValue(1), reader.GetValue(2), StoreName)
                : null;
        }, cancellationToken);
    }

    public async ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
    {
        StoredHistory.CheckNumbering(change);
        try
        {
            await SaveCoreAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Failure(exception);
        }
    }

    private async Task SaveCoreAsync(ComplaintChange change, CancellationToken cancellationToken)
    {
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

            // The report rows move with the case, in the same transaction, so reports never see half a change.
            foreach (var (sql, parameters) in change.Report is { } report ? ReportSql.Writes(report, Dialect) : [])
            {
                await turn.Statement(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Runs a rebuild's statements for one case in a transaction on the writer's connection.</summary>
    private async Task WriteReportRowsAsync(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements, CancellationToken cancellationToken)
    {
        try
        {
            using var turn = await _writer.TakeTurnAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = turn.Connection.BeginTransaction(deferred: false);
            foreach (var (sql, parameters) in statements)
            {
                await turn.Statement(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
            turn.Completed();
        }
        catch (SqliteException exception)
        {
            throw Failure(exception);
        }
    }

    public ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        StoreQueryValidation.CheckLease(lease, nameof(lease));
        return UseAsync(forWrites: true, (Now: now, Until: now + lease, Limit: batchSize), static async (connection, claim, token) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);

            // Expired claims go first, and claims for a due instant the case has since moved on from, so every claim left
            // is live; the due index (next_due_at, id) covers the scan.
            using var command = Command(connection, """
                DELETE FROM due_claims WHERE claimed_until <= $now
                    OR claimed_due IS NOT (SELECT next_due_at FROM cases WHERE cases.id = due_claims.case_id);
                INSERT INTO due_claims (case_id, claimed_until, claimed_due)
                SELECT id, $until, next_due_at FROM cases
                WHERE next_due_at <= $now AND id NOT IN (SELECT case_id FROM due_claims)
                ORDER BY next_due_at LIMIT $limit
                RETURNING case_id
                """, ("$until", claim.Until.UtcTicks), ("$now", claim.Now.UtcTicks), ("$limit", claim.Limit));
            command.Transaction = transaction;
            var claimed = new List<ComplaintId>();
            List<UnreadableCase>? unreadable = null;
            using (var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    // A row whose id is not a case id stays claimed for its lease, so it is reported once a lease, not every poll.
                    var stored = reader.GetValue(0);
                    if (StoredDocuments.TryReadId(stored, out var id))
                    {
                        claimed.Add(id);
                    }
                    else
                    {
                        (unreadable ??= []).Add(new UnreadableCase(StoredDocuments.Describe(stored), "its id is not a case id (a GUID), so its clocks cannot be recorded."));
                    }
                }
            }

            transaction.Commit();
            return new DueCaseClaim(claimed, unreadable ?? []);
        }, cancellationToken);
    }

    public async ValueTask ReleaseDueAsync(IReadOnlyList<ComplaintId> caseIds, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        if (caseIds.Count == 0)
        {
            return;
        }

        // One statement for the batch: the ids go in as a JSON array of case id texts (GUIDs, which need no escaping).
        await WriteAsync(
            "DELETE FROM due_claims WHERE claimed_until = $until AND case_id IN (SELECT value FROM json_each($ids))",
            [("$until", claimedUntil.UtcTicks), ("$ids", "[" + string.Join(',', caseIds.Select(id => $"\"{Key(id)}\"")) + "]")],
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = CaseQuerySql.For(query, Dialect, "document");
        return UseAsync(forWrites: false, (Sql: sql, Parameters: parameters, query.Limit), static async (connection, state, token) =>
        {
            using var command = Command(connection, state.Sql, [.. state.Parameters]);
            var rows = new List<CaseRow>();
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                rows.Add(new CaseRow(reader.GetValue(0), reader.GetInt64(1), reader.GetValue(2)));
            }

            return CaseRow.ToPage(rows, state.Limit, StoreName);
        }, cancellationToken);
    }

    public ValueTask<int> CountCustomerCasesAsync(string customerRef, DateTimeOffset receivedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerRef);
        StoreQueryValidation.Filter(customerRef, nameof(customerRef));
        return UseAsync(forWrites: false, (Customer: customerRef, Since: receivedSince), static async (connection, state, token) =>
        {
            using var command = Command(connection, "SELECT COUNT(*) FROM cases WHERE customer_ref = $customer AND received_at >= $since", ("$customer", state.Customer), ("$since", state.Since.UtcTicks));
            return Convert.ToInt32(await command.ExecuteScalarAsync(token).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(claim);
        return UseAsync(forWrites: true, claim, static async (connection, claim, token) =>
        {
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
                token).ConfigureAwait(false);
            var rows = await ReadOutboxAsync(connection, transaction, """
                SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document, o.handled_by
                FROM outbox_claims c JOIN outbox o ON o.case_id = c.case_id JOIN events e ON e.case_id = o.case_id AND e.sequence = o.sequence
                WHERE c.token = $token ORDER BY o.case_id, o.sequence
                """, [("$token", claim.Token)], token).ConfigureAwait(false);
            var (entries, unreadable) = OutboxRow.Parse(rows, StoreName);
            foreach (var (row, error) in unreadable)
            {
                await ExecuteAsync(connection, transaction, "UPDATE outbox SET parked = 1, last_error = $error WHERE case_id = $id AND sequence = $sequence",
                    [("$error", error), ("$id", Key(row.CaseId)), ("$sequence", row.Sequence)], token).ConfigureAwait(false);
            }

            // A case parked here with nothing to deliver is released at once: a re-drive must not wait out this lease.
            foreach (var idle in OutboxRow.CasesLeftEmpty(entries, unreadable))
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM outbox_claims WHERE case_id = $id AND token = $token", [("$id", Key(idle)), ("$token", claim.Token)], token).ConfigureAwait(false);
            }

            transaction.Commit();
            return (IReadOnlyList<OutboxEntry>)entries;
        }, cancellationToken);
    }

    public ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default) =>
        WriteAsync("DELETE FROM outbox WHERE case_id = $id AND sequence <= $through", [("$id", Key(caseId)), ("$through", throughSequence)], cancellationToken);

    public ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return WriteAsync("""
            UPDATE outbox SET attempts = $attempts, last_error = $error, next_attempt_at = $next, parked = $parked, handled_by = $handled
            WHERE case_id = $id AND sequence = $sequence
            """,
            [("$attempts", failure.Attempts), ("$error", failure.Error), ("$handled", OutboxRow.HandledByColumn(failure)), ("$next", failure.NextAttemptAt.UtcTicks), ("$parked", failure.Park ? 1 : 0), ("$id", Key(failure.CaseId)), ("$sequence", failure.Sequence)],
            cancellationToken);
    }

    public ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        return WriteAsync("DELETE FROM outbox_claims WHERE token = $token", [("$token", claimToken)], cancellationToken);
    }

    public ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        return CountWrittenAsync("UPDATE outbox_claims SET claimed_until = $until WHERE token = $token AND claimed_until > $now",
            [("$until", until.UtcTicks), ("$token", claimToken), ("$now", now.UtcTicks)], cancellationToken);
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(query);
        return UseAsync(forWrites: false, query, static async (connection, query, token) =>
        {
            var parked = query.ParkedOnly ? "AND o.parked = 1" : string.Empty;
            var onlyCase = query.CaseId is null ? string.Empty : "AND o.case_id = $case";
            var rows = await ReadOutboxAsync(connection, null, $"""
                SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document, o.handled_by
                FROM outbox o JOIN events e ON e.case_id = o.case_id AND e.sequence = o.sequence
                WHERE 1 = 1 {parked} {onlyCase} ORDER BY o.case_id, o.sequence LIMIT $limit
                """, [("$case", query.CaseId is { } only ? Key(only) : null), ("$limit", query.Limit)], token).ConfigureAwait(false);
            return (IReadOnlyList<OutboxEntry>)OutboxRow.ParseAll(rows, StoreName);
        }, cancellationToken);
    }

    public ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UseAsync(forWrites: true, (Id: caseId, Now: now), static async (connection, state, token) =>
        {
            using var command = Command(connection, "UPDATE outbox SET parked = 0, attempts = 0, next_attempt_at = $now WHERE case_id = $id AND parked = 1",
                ("$now", state.Now.UtcTicks), ("$id", Key(state.Id)));
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(forWrites: false, 0, static async (connection, _, token) =>
        {
            using var command = Command(connection, """
                SELECT COUNT(*), COALESCE(SUM(o.parked), 0), MIN(e.occurred_at)
                FROM outbox o JOIN events e ON e.case_id = o.case_id AND e.sequence = o.sequence
                """);
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            await reader.ReadAsync(token).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        }, cancellationToken);

    public ValueTask<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        UseAsync(forWrites: false, 0, static async (connection, _, token) =>
            new StoreHealth(StoreName, await SqliteSchema.VersionAsync(connection, token).ConfigureAwait(false), SqliteSchema.Current), cancellationToken);

    /// <summary>Creates or upgrades the schema now rather than on first use.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        await UseAsync(forWrites: true, 0, static (_, _, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        _schema.Dispose();

        // Pooled connections keep the file (and its -wal and -shm) open until the pool prunes them minutes later, so a
        // file cannot be moved, restored or deleted (on Windows) after the store is gone. The pool is keyed by the exact
        // connection string, so it is cleared with the store's own.
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    // GUID v7 text sorts by creation time, so ORDER BY id pages oldest first, as ComplaintId compares.
    private static string Key(ComplaintId id) => id.ToString();

    private static ComplaintCase ReadCase(ComplaintId caseId, object document) => StoredDocuments.ReadCase(caseId, document, StoreName);

    private ComplaintStoreException Failure(SqliteException exception) => SqliteFailures.Translate(exception, _file);

    /// <summary>Runs work on a fresh connection; SQLite's errors leave as the library's store error, naming the file.</summary>
    private async ValueTask<TResult> UseAsync<TState, TResult>(bool forWrites, TState state, Func<SqliteConnection, TState, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = await OpenAsync(forWrites, cancellationToken).ConfigureAwait(false);
            return await work(connection, state, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Failure(exception);
        }
    }

    private async ValueTask WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        await CountWrittenAsync(sql, parameters, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs one statement on a writing connection; returns the rows it changed.</summary>
    private ValueTask<int> CountWrittenAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        UseAsync(forWrites: true, (Sql: sql, Parameters: parameters), static async (connection, statement, token) =>
        {
            using var command = Command(connection, statement.Sql, statement.Parameters);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);

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
                StoredDocuments.ReadId(reader.GetValue(0), StoreName),
                reader.GetInt64(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5) == 1,
                reader.GetValue(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
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

    private async Task<SqliteConnection> OpenAsync(bool forWrites, CancellationToken cancellationToken)
    {
        // Every use opens a connection here (the writer's too): a disposed store says so.
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
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
