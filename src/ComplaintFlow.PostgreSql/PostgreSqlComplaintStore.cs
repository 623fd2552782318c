using ComplaintFlow.Events;
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

    private static readonly SqlDialect Dialect = new("@", "complaintflow_", "is_open", id => id.Value);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SchemaGate _schema = new();

    public PostgreSqlComplaintStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    public async ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT document::text FROM complaintflow_cases WHERE id = @id", ("id", caseId.Value));
        var document = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : ReadCase(caseId, document);
    }

    public async ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT document::text FROM complaintflow_events WHERE case_id = @id ORDER BY sequence", ("id", caseId.Value));
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
        using var command = Command(connection, null, "SELECT fingerprint, case_id, result::text FROM complaintflow_idempotency WHERE key = @key", ("key", idempotencyKey));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var caseId = new ComplaintId(reader.GetGuid(1));
        return new IdempotencyRecord(idempotencyKey, reader.GetString(0), caseId, ReadCase(caseId, reader.GetString(2)));
    }

    public async ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var complaint = change.Case;
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] columns =
        [
            ("id", complaint.Id.Value), ("version", complaint.Version), ("step", complaint.Step), ("owner", complaint.Owner?.Id),
            ("customer", complaint.CustomerRef), ("open", complaint.IsOpen), ("received", complaint.ReceivedAt.UtcTicks),
            ("due", complaint.NextDueAt?.UtcTicks), ("document", Json(ComplaintJson.SerializeCase(complaint))), ("expected", change.ExpectedVersion),
        ];
        var sql = change.ExpectedVersion == 0
            ? """
              INSERT INTO complaintflow_cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document)
              VALUES (@id, @version, @step, @owner, @customer, @open, @received, @due, @document)
              ON CONFLICT (id) DO NOTHING
              """
            : """
              UPDATE complaintflow_cases SET version = @version, step = @step, owner_id = @owner, customer_ref = @customer, is_open = @open,
                  received_at = @received, next_due_at = @due, document = @document
              WHERE id = @id AND version = @expected
              """;
        using (var save = Command(connection, transaction, sql, columns))
        {
            if (await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                using var read = Command(connection, transaction, "SELECT version FROM complaintflow_cases WHERE id = @id", ("id", complaint.Id.Value));
                var actual = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw new ComplaintConcurrencyException(complaint.Id, change.ExpectedVersion, actual is long version ? version : 0);
            }
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
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
            }

            if (change.Idempotency is { } record)
            {
                batch.BatchCommands.Add(BatchCommand(
                    "INSERT INTO complaintflow_idempotency (key, fingerprint, case_id, result) VALUES (@key, @fingerprint, @case, @result)",
                    ("key", record.Key), ("fingerprint", record.Fingerprint), ("case", record.CaseId.Value), ("result", Json(ComplaintJson.SerializeCase(record.Result)))));
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == UniqueViolation && exception.TableName == "complaintflow_idempotency" && change.Idempotency is { } conflicting)
            {
                throw new IdempotencyKeyConflictException(conflicting.Key);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<ComplaintId>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            UPDATE complaintflow_cases SET lease_until = @until
            WHERE id IN (
                SELECT id FROM complaintflow_cases
                WHERE next_due_at <= @now AND lease_until <= @now
                ORDER BY next_due_at LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, ("until", (now + lease).UtcTicks), ("now", now.UtcTicks), ("limit", batchSize));
        var claimed = new List<ComplaintId>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new ComplaintId(reader.GetGuid(0)));
        }

        return claimed;
    }

    public async ValueTask<IReadOnlyList<ComplaintCase>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = CaseQuerySql.For(query, Dialect, "document::text");
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql, [.. parameters]);
        var found = new List<ComplaintCase>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ReadCase(new ComplaintId(reader.GetGuid(0)), reader.GetString(1)));
        }

        return found;
    }

    public void Dispose()
    {
        _schema.Dispose();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static string Json(byte[] utf8) => StoredDocuments.Write(utf8);

    private static ComplaintCase ReadCase(ComplaintId caseId, string document) => StoredDocuments.ReadCase(caseId, document, StoreName);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
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
