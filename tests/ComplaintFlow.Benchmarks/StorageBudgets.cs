using ComplaintFlow.Benchmarks.Naive;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Benchmarks;

/// <summary>The storage budgets of <c>--quick</c>: each a ratio measured in interleaved rounds, or a median of single operations.</summary>
internal static class StorageBudgets
{
    private const int Rounds = 15;
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(300);

    // Each pair runs for a second and a half before its rounds, as the core pairs do. With twenty operations of
    // warm-up the first rounds ran the command at tier 0 while the tiered compiler took one of the two cores: with the
    // file on tmpfs (no flush), a command cost 77-89 us cold and 43-45 us warm against a raw transaction's 32-42 us,
    // and the SQLite ratio read 0.66-0.87 cold against 0.89-0.96 warm in alternated runs on disk.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);
    private static readonly Actor Agent = new("a-1", "Agent", "agent");

    /// <summary>Commands per second on the SQLite store over raw transactions per second of the same rows.</summary>
    public static async Task<Interleaved.Result> SqliteVsRawTransactionAsync(string folder)
    {
        using var app = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(folder, "complaints.db")}").Services.BuildServiceProvider();
        var (command, c, eventLength) = await SeverityTogglerAsync(app.GetRequiredService<IComplaintDesk>());
        using var raw = new RawSqliteWriter(Path.Combine(folder, "raw.db"), ComplaintJson.SerializeCase(c).Length, eventLength);
        return await Interleaved.CompareAsync(command, () => Task.FromResult(raw.Write()), Rounds, RoundTime, WarmUp);
    }

    /// <summary>Commands per second on the SQLite store over the naive EF Core alternative's.</summary>
    public static async Task<Interleaved.Result> SqliteVsNaiveEfCoreAsync(string folder)
    {
        using var app = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(folder, "complaints-ef.db")}").Services.BuildServiceProvider();
        var (command, c, _) = await SeverityTogglerAsync(app.GetRequiredService<IComplaintDesk>());

        var options = new DbContextOptionsBuilder<NaiveComplaintDb>().UseSqlite($"Data Source={Path.Combine(folder, "naive.db")}").Options;
        await using (var db = new NaiveComplaintDb(options))
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            db.Complaints.Add(new NaiveComplaint { Id = "c", State = "listen", Severity = "Low", CustomerRef = "c-1", OwnerId = "a-1", Document = System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(c)) });
            await db.SaveChangesAsync();
        }

        var naive = new NaiveCommandHandler(options);
        var toggle = 0;
        return await Interleaved.CompareAsync(command, () => naive.SetSeverityAsync("c", (++toggle & 1) == 0 ? "High" : "Low"), Rounds, RoundTime, WarmUp);
    }

    /// <summary>Commands per second on the PostgreSQL store over raw Npgsql transactions; null without a server.</summary>
    public static async Task<Interleaved.Result?> PostgresVsRawTransactionAsync()
    {
        var server = Environment.GetEnvironmentVariable("COMPLAINTFLOW_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        var schema = "cf_bench_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            using var app = new ServiceCollection().AddComplaintFlow().UsePostgreSql(connectionString).Services.BuildServiceProvider();
            var (command, c, _) = await SeverityTogglerAsync(app.GetRequiredService<IComplaintDesk>());
            var document = System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(c));
            var history = await app.GetRequiredService<IComplaintStore>().GetHistoryAsync(c.Id);
            var eventDocument = System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeEvent(history[^1]));

            await using var raw = NpgsqlDataSource.Create(connectionString);
            await ExecuteAsync(connectionString, """
                CREATE TABLE raw_cases (id uuid PRIMARY KEY, version bigint NOT NULL, document jsonb NOT NULL);
                CREATE TABLE raw_events (case_id uuid NOT NULL, sequence bigint NOT NULL, document jsonb NOT NULL, PRIMARY KEY (case_id, sequence));
                """);
            var id = Guid.NewGuid();
            await ExecuteAsync(connectionString, $"INSERT INTO raw_cases VALUES ('{id}', 0, '{{}}')");
            long sequence = 0;
            async Task RawAsync()
            {
                await using var connection = await raw.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand("UPDATE raw_cases SET version = version + 1, document = $1 WHERE id = $2") { Parameters = { new() { Value = document, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb }, new() { Value = id } } },
                        new NpgsqlBatchCommand("INSERT INTO raw_events (case_id, sequence, document) VALUES ($1, $2, $3)") { Parameters = { new() { Value = id }, new() { Value = ++sequence }, new() { Value = eventDocument, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb } } },
                    },
                };
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            return await Interleaved.CompareAsync(command, RawAsync, Rounds, RoundTime, WarmUp);
        }
        finally
        {
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    /// <summary>The median milliseconds to claim 100 due cases from a SQLite store of a million open cases.</summary>
    public static async Task<double> SqliteClaimDueFromMillionAsync()
    {
        var file = await ClaimDueDatabase.EnsureAsync();
        using var app = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={file}").Services.BuildServiceProvider();
        var store = app.GetRequiredService<IComplaintStore>();
        IReadOnlyList<ComplaintId> claimed = [];
        var touched = new List<ComplaintId>();
        try
        {
            // After each claim, untimed, do what the deadline worker's recording does to a case: move its next due
            // time on. Without that, the same hundred cases would be claimed again once their lease ran out. The first
            // ten claims warm the page cache and are not counted, as in a process that has been running a while.
            async Task ClaimAsync() => claimed = (await store.ClaimDueAsync(ClaimDueDatabase.Now, 100, TimeSpan.FromMinutes(2))).CaseIds;
            async Task PostponeAsync()
            {
                if (claimed.Count != 100)
                {
                    throw new InvalidOperationException($"Claimed {claimed.Count} cases, not 100: the benchmark database has run out of due cases.");
                }

                touched.AddRange(claimed);
                await ClaimDueDatabase.PostponeAsync(file, claimed);
            }

            await Interleaved.MedianMicrosecondsAsync(ClaimAsync, PostponeAsync, count: 10);
            var median = await Interleaved.MedianMicrosecondsAsync(ClaimAsync, PostponeAsync, count: 60);
            return median / 1000;
        }
        finally
        {
            await ClaimDueDatabase.RestoreAsync(file, touched);
        }
    }

    private static async Task<(Func<Task> Command, ComplaintCase Case, int EventLength)> SeverityTogglerAsync(IComplaintDesk desk)
    {
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        c = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        var history = await desk.GetHistoryAsync(c.Id);
        var toggle = 0;
        var id = c.Id;
        return (
            async () => await desk.ExecuteAsync(new SetSeverity { CaseId = id, Actor = Agent, Severity = (++toggle & 1) == 0 ? Severity.High : Severity.Low }),
            c,
            ComplaintJson.SerializeEvent(history[^1]).Length);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
