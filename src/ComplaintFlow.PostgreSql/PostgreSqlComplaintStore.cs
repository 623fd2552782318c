using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using ComplaintFlow.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintFlow.PostgreSql;

/// <summary>
/// Cases in PostgreSQL, shared by every app instance: the snapshot as jsonb with indexed columns for queries, the
/// history one row per event, idempotency records, all in one transaction per command with the version checked in
/// the update itself. Due deadlines are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two instances never claim the
/// same case at once. Times are stored as UTC ticks.
/// </summary>
internal sealed class PostgreSqlComplaintStore : IComplaintStore, IDisposable
{
    private const string StoreName = "PostgreSQL";
    private const string UniqueViolation = "23505";
    private const string DivisionByZero = "22012";

    private static readonly SqlDialect Dialect = new(StoreName, "@", "complaintflow_", "is_open", id => id.Value);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private volatile bool _disposed;
    private readonly SchemaGate _schema = new();
    private readonly SqlReportQueries _reports;

    public PostgreSqlComplaintStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _reports = new SqlReportQueries(
            async token => await OpenAsync(token).ConfigureAwait(false),
            exception => exception is NpgsqlException npgsql ? PostgreSqlFailures.Translate(npgsql) : null,
            Dialect,
            value => new ComplaintId((Guid)value),
            WriteReportRowsAsync);
    }

    /// <summary>Report rows kept in the same transaction as each save; reports are computed by SQL over them.</summary>
    Reports.IReportQueries? IComplaintStore.Reports => _reports;

    /// <summary>Runs a rebuild's statements for one case in one transaction.</summary>
    private async Task WriteReportRowsAsync(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements, CancellationToken cancellationToken) =>
        await UseAsync(statements, static async (connection, statements, token) =>
        {
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                foreach (var (sql, parameters) in statements)
                {
                    batch.BatchCommands.Add(BatchCommand(sql, parameters));
                }

                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                return await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

    public ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        UseAsync(caseId, static async (connection, id, token) =>
        {
            using var command = Command(connection, null, """
                SELECT document::text, version, (SELECT MAX(sequence) FROM complaintflow_events WHERE case_id = @id)
                FROM complaintflow_cases WHERE id = @id
                """, ("id", id.Value));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            if (!await reader.ReadAsync(token).ConfigureAwait(false))
            {
                return null;
            }

            var complaint = ReadCase(id, reader.GetValue(0));
            return (ComplaintCase?)StoredHistory.Verified(complaint, reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2), StoreName);
        }, cancellationToken);

    public ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        UseAsync(caseId, static async (connection, id, token) =>
        {
            using var command = Command(connection, null, """
                SELECT c.version, e.document::text
                FROM complaintflow_cases c LEFT JOIN complaintflow_events e ON e.case_id = c.id
                WHERE c.id = @id ORDER BY e.sequence
                """, ("id", id.Value));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await StoredDocuments.ReadHistoryAsync(reader, id, StoreName, token).ConfigureAwait(false);
        }, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return UseAsync(idempotencyKey, static async (connection, key, token) =>
        {
            using var command = Command(connection, null, "SELECT fingerprint, case_id, result::text FROM complaintflow_idempotency WHERE key = @key", ("key", key));
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false)
                ? StoredDocuments.ReadIdempotencyRecord(key, reader.GetValue(0), reader.GetValue(1), reader.GetValue(2), StoreName)
                : null;
        }, cancellationToken);
    }

    /// <remarks>
    /// The whole change travels in one round trip: BEGIN, the case row, a guard, the category, event, outbox and
    /// idempotency rows, COMMIT. The guard divides by zero unless the case row now holds the new version, and the
    /// events' primary key refuses numbers already taken, so a stale change fails inside the transaction and the
    /// COMMIT never runs; the store then rolls back and reports the conflict.
    /// </remarks>
    public ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
    {
        StoredHistory.CheckNumbering(change);
        return new(UseAsync(change, static async (connection, change, token) =>
        {
            await SaveAsync(connection, change, token).ConfigureAwait(false);
            return 0;
        }, cancellationToken).AsTask());
    }

    private static async Task SaveAsync(NpgsqlConnection connection, ComplaintChange change, CancellationToken cancellationToken)
    {
        var complaint = change.Case;
        (string, object?)[] columns =
        [
            ("id", complaint.Id.Value), ("version", complaint.Version), ("step", complaint.Step), ("owner", complaint.Owner?.Id),
            ("customer", complaint.CustomerRef), ("open", complaint.IsOpen), ("received", complaint.ReceivedAt.UtcTicks),
            ("due", complaint.NextDueAt?.UtcTicks), ("document", Json(ComplaintJson.SerializeCase(complaint))), ("expected", change.ExpectedVersion),
        ];
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            // An update with a new due instant lets go of a deadline claim made for the old one (see ClaimDueAsync).
            batch.BatchCommands.Add(BatchCommand(change.ExpectedVersion == 0
                ? """
                  INSERT INTO complaintflow_cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document)
                  VALUES (@id, @version, @step, @owner, @customer, @open, @received, @due, @document)
                  """
                : """
                  UPDATE complaintflow_cases SET version = @version, step = @step, owner_id = @owner, customer_ref = @customer, is_open = @open,
                      received_at = @received, next_due_at = @due, document = @document,
                      lease_until = CASE WHEN next_due_at IS DISTINCT FROM @due THEN 0 ELSE lease_until END
                  WHERE id = @id AND version = @expected
                  """, columns));
            batch.BatchCommands.Add(BatchCommand(
                "SELECT 1 / (SELECT COUNT(*) FROM complaintflow_cases WHERE id = @id AND version = @version)::integer",
                ("id", complaint.Id.Value), ("version", complaint.Version)));

            // Categories change only when a case opens or its categories are set; skip the index rows otherwise.
            if (change.Events.Any(e => e.Data is ComplaintOpened or CategoriesChanged))
            {
                batch.BatchCommands.Add(BatchCommand("DELETE FROM complaintflow_case_categories WHERE case_id = @id", ("id", complaint.Id.Value)));
                foreach (var category in complaint.Categories)
                {
                    batch.BatchCommands.Add(BatchCommand("INSERT INTO complaintflow_case_categories (category, case_id) VALUES (@category, @id)", ("category", category), ("id", complaint.Id.Value)));
                }
            }

            foreach (var complaintEvent in change.Events)
            {
                batch.BatchCommands.Add(BatchCommand(
                    "INSERT INTO complaintflow_events (case_id, sequence, type, occurred_at, document) VALUES (@id, @sequence, @type, @at, @document)",
                    ("id", complaint.Id.Value), ("sequence", complaintEvent.Sequence), ("type", complaintEvent.Data.GetType().Name), ("at", complaintEvent.OccurredAt.UtcTicks), ("document", Json(ComplaintJson.SerializeEvent(complaintEvent)))));
                if (change.EnqueueForDispatch)
                {
                    batch.BatchCommands.Add(BatchCommand(
                        "INSERT INTO complaintflow_outbox (case_id, sequence, next_attempt_at) VALUES (@id, @sequence, @at)",
                        ("id", complaint.Id.Value), ("sequence", complaintEvent.Sequence), ("at", complaintEvent.OccurredAt.UtcTicks)));
                }
            }

            // The report rows move with the case, in the same transaction.
            foreach (var (sql, parameters) in change.Report is { } report ? ReportSql.Writes(report, Dialect) : [])
            {
                batch.BatchCommands.Add(BatchCommand(sql, parameters));
            }

            if (change.Idempotency is { } record)
            {
                batch.BatchCommands.Add(BatchCommand(
                    "INSERT INTO complaintflow_idempotency (key, fingerprint, case_id, result) VALUES (@key, @fingerprint, @case, @result)",
                    ("key", record.Key), ("fingerprint", record.Fingerprint), ("case", record.CaseId.Value), ("result", Json(ComplaintJson.SerializeCase(record.Result)))));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception)
            {
                await RollBackAsync(connection).ConfigureAwait(false);
                if (exception.SqlState == UniqueViolation && exception.TableName == "complaintflow_idempotency" && change.Idempotency is { } conflicting)
                {
                    throw new IdempotencyKeyConflictException(conflicting.Key);
                }

                if (exception.SqlState is DivisionByZero || (exception.SqlState == UniqueViolation && exception.TableName is "complaintflow_cases" or "complaintflow_events"))
                {
                    using var read = Command(connection, null, "SELECT version FROM complaintflow_cases WHERE id = @id", ("id", complaint.Id.Value));
                    var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    throw new ComplaintConcurrencyException(complaint.Id, change.ExpectedVersion, actual is long version ? version : 0);
                }

                throw;
            }
            catch
            {
                await RollBackAsync(connection).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        // Not cancellable: a connection must go back to the pool outside any transaction.
        using var rollback = new NpgsqlCommand("ROLLBACK", connection);
        await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        StoreQueryValidation.CheckLease(lease, nameof(lease));
        return UseAsync((Now: now, Until: now + lease, Limit: batchSize), static async (connection, claim, token) =>
        {
            using var command = Command(connection, null, """
                UPDATE complaintflow_cases SET lease_until = @until
                WHERE id IN (
                    SELECT id FROM complaintflow_cases
                    WHERE next_due_at <= @now AND lease_until <= @now
                    ORDER BY next_due_at LIMIT @limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, ("until", claim.Until.UtcTicks), ("now", claim.Now.UtcTicks), ("limit", claim.Limit));
            var claimed = new List<ComplaintId>();

            // One short autocommitted statement, not cancelled half-way: cancelled after the server applied it, the
            // claims would stand while the worker never learnt which cases it holds, so none could be handed back.
            using var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // The id column is a uuid, so every claimed id is a case id.
                claimed.Add(new ComplaintId(reader.GetGuid(0)));
            }

            return claimed.Count == 0 ? DueCaseClaim.None : new DueCaseClaim(claimed, []);
        }, cancellationToken);
    }

    public ValueTask ReleaseDueAsync(IReadOnlyList<ComplaintId> caseIds, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        return caseIds.Count == 0 ? ValueTask.CompletedTask : WriteAsync(
            "UPDATE complaintflow_cases SET lease_until = 0 WHERE id = ANY(@ids) AND lease_until = @until",
            [("ids", caseIds.Select(id => id.Value).ToArray()), ("until", claimedUntil.UtcTicks)],
            cancellationToken);
    }

    public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = CaseQuerySql.For(query, Dialect, "document::text");
        return UseAsync((Sql: sql, Parameters: parameters, query.Limit), static async (connection, state, token) =>
        {
            using var command = Command(connection, null, state.Sql, [.. state.Parameters]);
            var rows = new List<CaseRow>();
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                rows.Add(new CaseRow(reader.GetGuid(0), reader.GetInt64(1), reader.GetValue(2)));
            }

            return CaseRow.ToPage(rows, state.Limit, StoreName);
        }, cancellationToken);
    }

    public ValueTask<int> CountCustomerCasesAsync(string customerRef, DateTimeOffset receivedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerRef);
        StoreQueryValidation.Filter(customerRef, nameof(customerRef));
        return UseAsync((Customer: customerRef, Since: receivedSince), static async (connection, state, token) =>
        {
            using var command = Command(connection, null, "SELECT COUNT(*)::integer FROM complaintflow_cases WHERE customer_ref = @customer AND received_at >= @since",
                ("customer", state.Customer), ("since", state.Since.UtcTicks));
            return (int)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(claim);
        return UseAsync(claim, static (connection, claim, token) => ClaimOutboxAsync(connection, claim, token), cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(NpgsqlConnection connection, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Disposed asynchronously: rolling back an unfinished transaction is a round trip to the server.
        await using var disposeOfTransaction = transaction.ConfigureAwait(false);

        // A case is claimable when its oldest waiting event is due and not parked, and no live claim holds it. The
        // upsert's condition is re-checked against a concurrent claimer's committed row, so only one of them gets a case.
        var onlyCase = claim.CaseId is null ? string.Empty : "WHERE case_id = @case";
        using (var take = Command(connection, transaction, $"""
            WITH heads AS (
                SELECT DISTINCT ON (case_id) case_id, parked, next_attempt_at FROM complaintflow_outbox {onlyCase} ORDER BY case_id, sequence
            ), candidates AS (
                SELECT h.case_id FROM heads h
                WHERE NOT h.parked AND h.next_attempt_at <= @now
                    AND NOT EXISTS (SELECT 1 FROM complaintflow_outbox_claims c WHERE c.case_id = h.case_id AND c.claimed_until > @now)
                ORDER BY h.next_attempt_at LIMIT @max
            )
            INSERT INTO complaintflow_outbox_claims (case_id, token, claimed_until)
            SELECT case_id, @token, @until FROM candidates
            ON CONFLICT (case_id) DO UPDATE SET token = EXCLUDED.token, claimed_until = EXCLUDED.claimed_until
            WHERE complaintflow_outbox_claims.claimed_until <= @now
            """,
            [("token", claim.Token), ("until", (claim.Now + claim.Lease).UtcTicks), ("now", claim.Now.UtcTicks), ("max", claim.MaxCases), .. CaseParameter(claim.CaseId)]))
        {
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var rows = await ReadOutboxAsync(connection, transaction, """
            SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document::text, o.handled_by
            FROM complaintflow_outbox_claims c
            JOIN complaintflow_outbox o ON o.case_id = c.case_id
            JOIN complaintflow_events e ON e.case_id = o.case_id AND e.sequence = o.sequence
            WHERE c.token = @token ORDER BY o.case_id, o.sequence
            """, [("token", claim.Token)], cancellationToken).ConfigureAwait(false);
        var (entries, unreadable) = OutboxRow.Parse(rows, StoreName);
        foreach (var (row, error) in unreadable)
        {
            using var park = Command(connection, transaction, "UPDATE complaintflow_outbox SET parked = TRUE, last_error = @error WHERE case_id = @id AND sequence = @sequence",
                ("error", error), ("id", row.CaseId.Value), ("sequence", row.Sequence));
            await park.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // A case parked here with nothing to deliver is released at once: a re-drive must not wait out this lease.
        foreach (var idle in OutboxRow.CasesLeftEmpty(entries, unreadable))
        {
            using var release = Command(connection, transaction, "DELETE FROM complaintflow_outbox_claims WHERE case_id = @id AND token = @token", ("id", idle.Value), ("token", claim.Token));
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Not cancellable once the claim is made: a commit cancelled half-way could take the claim without the caller
        // knowing, leaving the cases held for a whole lease by a dispatcher that never delivers.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return entries;
    }

    public ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default) =>
        WriteAsync("DELETE FROM complaintflow_outbox WHERE case_id = @id AND sequence <= @through", [("id", caseId.Value), ("through", throughSequence)], cancellationToken);

    public ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return WriteAsync("""
            UPDATE complaintflow_outbox SET attempts = @attempts, last_error = @error, next_attempt_at = @next, parked = @parked, handled_by = @handled
            WHERE case_id = @id AND sequence = @sequence
            """,
            [("attempts", failure.Attempts), ("error", failure.Error), ("handled", OutboxRow.HandledByColumn(failure)), ("next", failure.NextAttemptAt.UtcTicks), ("parked", failure.Park), ("id", failure.CaseId.Value), ("sequence", failure.Sequence)],
            cancellationToken);
    }

    public ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        return WriteAsync("DELETE FROM complaintflow_outbox_claims WHERE token = @token", [("token", claimToken)], cancellationToken);
    }

    public ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        return CountWrittenAsync("UPDATE complaintflow_outbox_claims SET claimed_until = @until WHERE token = @token AND claimed_until > @now",
            [("until", until.UtcTicks), ("token", claimToken), ("now", now.UtcTicks)], cancellationToken);
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(query);
        return UseAsync(query, static async (connection, query, token) =>
        {
            var parked = query.ParkedOnly ? "AND o.parked" : string.Empty;
            var onlyCase = query.CaseId is null ? string.Empty : "AND o.case_id = @case";
            var rows = await ReadOutboxAsync(connection, null, $"""
                SELECT o.case_id, o.sequence, o.attempts, o.next_attempt_at, o.last_error, o.parked, e.document::text, o.handled_by
                FROM complaintflow_outbox o JOIN complaintflow_events e ON e.case_id = o.case_id AND e.sequence = o.sequence
                WHERE TRUE {parked} {onlyCase} ORDER BY o.case_id, o.sequence LIMIT @limit
                """, [("limit", query.Limit), .. CaseParameter(query.CaseId)], token).ConfigureAwait(false);
            return (IReadOnlyList<OutboxEntry>)OutboxRow.ParseAll(rows, StoreName);
        }, cancellationToken);
    }

    public ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UseAsync((Id: caseId, Now: now), static async (connection, state, token) =>
        {
            using var command = Command(connection, null, "UPDATE complaintflow_outbox SET parked = FALSE, attempts = 0, next_attempt_at = @now WHERE case_id = @id AND parked",
                ("now", state.Now.UtcTicks), ("id", state.Id.Value));
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(0, static async (connection, _, token) =>
        {
            using var command = Command(connection, null, """
                SELECT COUNT(*)::integer, COUNT(*) FILTER (WHERE o.parked)::integer, MIN(e.occurred_at)
                FROM complaintflow_outbox o JOIN complaintflow_events e ON e.case_id = o.case_id AND e.sequence = o.sequence
                """);
            using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            await reader.ReadAsync(token).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        }, cancellationToken);

    public ValueTask<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        UseAsync(0, static async (connection, _, token) =>
            new StoreHealth(StoreName, await PostgreSqlSchema.VersionAsync(connection, token).ConfigureAwait(false), PostgreSqlSchema.Current), cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _schema.Dispose();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static async Task<List<OutboxRow>> ReadOutboxAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var rows = new List<OutboxRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new OutboxRow(
                new ComplaintId(reader.GetGuid(0)),
                reader.GetInt64(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetBoolean(5),
                reader.GetValue(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }

    // Only present when the SQL names @case, so no untyped null parameter is ever sent.
    private static (string Name, object? Value)[] CaseParameter(ComplaintId? caseId) => caseId is { } id ? [("case", id.Value)] : [];

    private static string Json(byte[] utf8) => StoredDocuments.Write(utf8);

    private static ComplaintCase ReadCase(ComplaintId caseId, object document) => StoredDocuments.ReadCase(caseId, document, StoreName);

    /// <summary>Runs work on a pooled connection; Npgsql's errors leave as the library's store error.</summary>
    private async ValueTask<TResult> UseAsync<TState, TResult>(TState state, Func<NpgsqlConnection, TState, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // Closed asynchronously: a connection given back with a transaction open is rolled back, a round trip.
            await using var disposeOfConnection = connection.ConfigureAwait(false);
            return await work(connection, state, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw PostgreSqlFailures.Translate(exception);
        }
    }

    private async ValueTask WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        await CountWrittenAsync(sql, parameters, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs one statement; returns the rows it changed.</summary>
    private ValueTask<int> CountWrittenAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        UseAsync((Sql: sql, Parameters: parameters), static async (connection, statement, token) =>
        {
            using var command = Command(connection, null, statement.Sql, statement.Parameters);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Every use opens a connection here: a disposed store says so, even on an app's data source that is still open.
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (_schema.IsReady)
        {
            return connection;
        }

        try
        {
            await _schema.EnsureAsync(token => PostgreSqlSchema.EnsureAsync(connection, token), cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => name is "document" or "result"
        ? new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = value ?? DBNull.Value }
        : new NpgsqlParameter(name, value ?? DBNull.Value);
}
