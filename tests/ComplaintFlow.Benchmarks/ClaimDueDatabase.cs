using ComplaintFlow.Sqlite;
using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// A SQLite store holding a million open cases, half of them due, built once in the temporary folder and reused by
/// later runs. The rows carry every indexed column; their documents are stubs, since claiming never reads them. The
/// report tables hold the rows of a full life for each case (<see cref="ReportRows"/>), for the report budgets.
/// </summary>
internal static class ClaimDueDatabase
{
    public const int Cases = 1_000_000;

    /// <summary>The benchmark's fixed "now": half the cases fall due before it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Postponed cases move this far on, out of reach of the claims, and back again afterwards.
    private static readonly long Postponement = TimeSpan.FromDays(3650).Ticks;

    public static async Task<string> EnsureAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "complaintflow-bench")).FullName;
        var file = Path.Combine(folder, $"claim-due-1m-schema{SqliteSchema.Current}.db");
        if (File.Exists(file) && await DueCountAsync(file) >= Cases / 2 && await ReportCaseCountAsync(file) == Cases)
        {
            return file;
        }

        Console.WriteLine($"Building {file} with {Cases:N0} open cases (once; later runs reuse it)...");
        foreach (var stale in Directory.EnumerateFiles(folder, Path.GetFileName(file) + "*"))
        {
            File.Delete(stale);
        }

        using (var store = new SqliteComplaintStore($"Data Source={file}"))
        {
            await store.EnsureSchemaAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var fast = connection.CreateCommand())
        {
            // A file built once for measuring: no need to survive a power cut while it is written.
            fast.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
            await fast.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document)
            VALUES ($id, 3, 'listen', $owner, $customer, 1, $received, $due, '{}')
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var owner = insert.Parameters.Add("$owner", SqliteType.Text);
        var customer = insert.Parameters.Add("$customer", SqliteType.Text);
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var due = insert.Parameters.Add("$due", SqliteType.Integer);
        insert.Prepare();
        var random = new Random(42);
        var reportRandom = new Random(7);
        using var reports = new SqliteReportRowSink(connection, transaction);
        for (var i = 0; i < Cases; i++)
        {
            var caseId = Guid.CreateVersion7(Now.AddMinutes(-i));
            id.Value = caseId.ToString();
            ReportRows.Add(i, caseId, Now, reportRandom, reports);
            owner.Value = $"agent-{i % 500}";
            customer.Value = $"cust-{i % 200_000}";
            received.Value = Now.AddMinutes(-i).UtcTicks;

            // Even cases fell due up to 30 days ago, odd ones fall due in the next 30 days.
            var offset = TimeSpan.FromMinutes(random.Next(1, 30 * 24 * 60));
            due.Value = (i % 2 == 0 ? Now - offset : Now + offset).UtcTicks;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        // Fold the bulk load into the main file, as a long-running app's checkpoints would have, so the timed claims
        // do not wade through a WAL the size of the database.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
        await checkpoint.ExecuteNonQueryAsync();
        return file;
    }

    public static async Task PostponeAsync(string file, IReadOnlyList<ComplaintId> ids) =>
        await ShiftAsync(file, ids, Postponement);

    public static async Task RestoreAsync(string file, IReadOnlyList<ComplaintId> ids) =>
        await ShiftAsync(file, ids, -Postponement);

    private static async Task ShiftAsync(string file, IReadOnlyList<ComplaintId> ids, long ticks)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE cases SET next_due_at = next_due_at + $ticks WHERE id = $id; DELETE FROM due_claims WHERE case_id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$ticks", ticks);
        foreach (var caseId in ids)
        {
            id.Value = caseId.ToString();
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static Task<long> ReportCaseCountAsync(string file) => CountAsync(file, "SELECT COUNT(*) FROM report_cases");

    private static Task<long> DueCountAsync(string file) =>
        CountAsync(file, "SELECT COUNT(*) FROM cases WHERE next_due_at <= $now AND id NOT IN (SELECT case_id FROM due_claims)", ("$now", Now.UtcTicks));

    // A count from the file, or 0 when the file is missing or not (yet) the schema the count reads.
    private static async Task<long> CountAsync(string file, string sql, params (string Name, object Value)[] parameters)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
