using Npgsql;

namespace ComplaintFlow.PostgreSql;

/// <summary>
/// Creates and upgrades the store's tables under an advisory lock, so several app instances starting together do not
/// race. Each version's script runs once and is recorded in <c>complaintflow_schema_version</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    private const long AdvisoryLockKey = 0x436F6D706C61696E; // "Complain"

    private static readonly string[] Versions =
    [
        """
        CREATE TABLE complaintflow_cases (
            id uuid PRIMARY KEY,
            version bigint NOT NULL,
            step text NOT NULL,
            owner_id text NULL,
            customer_ref text NOT NULL,
            is_open boolean NOT NULL,
            received_at bigint NOT NULL,
            next_due_at bigint NULL,
            lease_until bigint NOT NULL DEFAULT 0,
            document jsonb NOT NULL
        );
        CREATE INDEX ix_complaintflow_cases_step ON complaintflow_cases (step, id);
        CREATE INDEX ix_complaintflow_cases_owner ON complaintflow_cases (owner_id, id);
        CREATE INDEX ix_complaintflow_cases_customer ON complaintflow_cases (customer_ref, received_at);
        CREATE INDEX ix_complaintflow_cases_due ON complaintflow_cases (next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE TABLE complaintflow_case_categories (
            category text NOT NULL,
            case_id uuid NOT NULL,
            PRIMARY KEY (category, case_id)
        );
        CREATE TABLE complaintflow_events (
            case_id uuid NOT NULL,
            sequence bigint NOT NULL,
            type text NOT NULL,
            occurred_at bigint NOT NULL,
            document jsonb NOT NULL,
            PRIMARY KEY (case_id, sequence)
        );
        CREATE TABLE complaintflow_idempotency (
            key text PRIMARY KEY,
            fingerprint text NOT NULL,
            case_id uuid NOT NULL,
            result jsonb NOT NULL
        );
        """,
        """
        CREATE TABLE complaintflow_outbox (
            case_id uuid NOT NULL,
            sequence bigint NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at bigint NOT NULL,
            last_error text NULL,
            parked boolean NOT NULL DEFAULT false,
            PRIMARY KEY (case_id, sequence)
        );
        CREATE TABLE complaintflow_outbox_claims (
            case_id uuid PRIMARY KEY,
            token text NOT NULL,
            claimed_until bigint NOT NULL
        );
        CREATE INDEX ix_complaintflow_outbox_claims_token ON complaintflow_outbox_claims (token);
        """,
        // Report rows, written with each save (see ReportSql): a database upgraded from version 2 holds none until
        // IComplaintReports.RebuildAsync fills them from the histories.
        ComplaintFlow.Storage.Sql.ReportSql.Schema("complaintflow_", "uuid", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", string.Empty),
        // The handlers that handled an event in an attempt a later handler failed, so a retry passes them over. Entries
        // written before this version have none: their retry goes to every handler, as before.
        "ALTER TABLE complaintflow_outbox ADD COLUMN handled_by text NULL;",
    ];

    public static int Current => Versions.Length;

    /// <summary>The script that brings the schema from version <paramref name="version"/> - 1 to <paramref name="version"/>.</summary>
    public static string Script(int version) => Versions[version - 1];

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Disposed asynchronously: rolling back an unfinished transaction is a round trip to the server.
        await using var disposeOfTransaction = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS complaintflow_schema_version (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
        using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM complaintflow_schema_version", connection, transaction);
        var found = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (found > Current)
        {
            throw new ComplaintStoreException(PostgreSqlFailures.Store, $"the database is at ComplaintFlow schema version {found}, newer than this ComplaintFlow.PostgreSql understands ({Current}). Upgrade the package.", isTransient: false);
        }

        for (var version = found + 1; version <= Current; version++)
        {
            await ExecuteAsync(connection, transaction, Versions[version - 1], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"DELETE FROM complaintflow_schema_version; INSERT INTO complaintflow_schema_version (version) VALUES ({version})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version the database holds.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM complaintflow_schema_version", connection);
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
