using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Sqlite;

/// <summary>
/// Creates and upgrades the store's tables. Each version's script runs once, in a transaction, and is recorded in
/// <c>schema_version</c>; a database newer than this library is refused rather than misread.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Versions =
    [
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY NOT NULL,
            version INTEGER NOT NULL,
            step TEXT NOT NULL,
            owner_id TEXT NULL,
            customer_ref TEXT NOT NULL,
            is_open INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            next_due_at INTEGER NULL,
            lease_until INTEGER NOT NULL DEFAULT 0,
            document TEXT NOT NULL
        );
        CREATE INDEX ix_cases_step ON cases (step, id);
        CREATE INDEX ix_cases_owner ON cases (owner_id, id);
        CREATE INDEX ix_cases_customer ON cases (customer_ref, received_at);
        CREATE INDEX ix_cases_due ON cases (next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE TABLE case_categories (
            case_id TEXT NOT NULL,
            category TEXT NOT NULL,
            PRIMARY KEY (category, case_id)
        ) WITHOUT ROWID;
        CREATE TABLE events (
            case_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            type TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (case_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE idempotency (
            key TEXT PRIMARY KEY NOT NULL,
            fingerprint TEXT NOT NULL,
            case_id TEXT NOT NULL,
            result TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE outbox (
            case_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT NULL,
            parked INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (case_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE outbox_claims (
            case_id TEXT PRIMARY KEY NOT NULL,
            token TEXT NOT NULL,
            claimed_until INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_outbox_claims_token ON outbox_claims (token);
        """,
        // Deadline claims move out of the case rows: a claim then writes a few pages of a small table instead of a
        // hundred scattered case pages, and the due index covers the claim's scan. cases.lease_until is unused.
        """
        CREATE TABLE due_claims (
            case_id TEXT PRIMARY KEY NOT NULL,
            claimed_until INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_due_claims_until ON due_claims (claimed_until);
        DROP INDEX ix_cases_due;
        CREATE INDEX ix_cases_due ON cases (next_due_at, id) WHERE next_due_at IS NOT NULL;
        """,
        // Report rows, written with each save (see ReportSql): a database upgraded from version 3 holds none until
        // IComplaintReports.RebuildAsync fills them from the histories.
        ComplaintFlow.Storage.Sql.ReportSql.Schema(string.Empty, "TEXT", "INTEGER PRIMARY KEY", " WITHOUT ROWID"),
        // A deadline claim remembers the due instant it was made for: once the case is saved with another, it lapses.
        // Claims made before this version have none, so they lapse at the next claim.
        "ALTER TABLE due_claims ADD COLUMN claimed_due INTEGER NULL;",
        // The handlers that handled an event in an attempt a later handler failed, so a retry passes them over. Entries
        // written before this version have none: their retry goes to every handler, as before.
        "ALTER TABLE outbox ADD COLUMN handled_by TEXT NULL;",
    ];

    /// <summary>The schema version this library writes.</summary>
    public static int Current => Versions.Length;

    /// <summary>The script that brings the schema from version <paramref name="version"/> - 1 to <paramref name="version"/>.</summary>
    public static string Script(int version) => Versions[version - 1];

    public static async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var found = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (found > Current)
        {
            throw new ComplaintStoreException(SqliteFailures.Store, $"the database is at schema version {found}, newer than this ComplaintFlow.Sqlite understands ({Current}). Upgrade the package.", isTransient: false);
        }

        for (var version = found + 1; version <= Current; version++)
        {
            await Execute(connection, Versions[version - 1], cancellationToken, transaction).ConfigureAwait(false);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($version)";
            record.Parameters.AddWithValue("$version", version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    /// <summary>The schema version the database holds.</summary>
    public static async Task<int> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
