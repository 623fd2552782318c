using ComplaintFlow.Outcomes;
using ComplaintFlow.Reports;
using ComplaintFlow.Storage.Sql;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Tests.Reports;

/// <summary>
/// A rebuild of a case's report rows and a save of the same case, interleaved by hand on a real PostgreSQL server in
/// the order that deadlocked: the save has written the case's report row and is about to end its open spell when the
/// rebuild starts replacing the rows.
/// </summary>
public sealed class ReportLockOrderTests : IAsyncLifetime
{
    private readonly string _schema = "cf_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = string.Empty;
    private string _connection = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("COMPLAINTFLOW_POSTGRES") is { Length: > 0 } server ? server
            : Environment.GetEnvironmentVariable("CI") == "true" ? throw new InvalidOperationException("COMPLAINTFLOW_POSTGRES is not set in CI; .ci/run must start PostgreSQL and export it.")
            : string.Empty;
        Assert.SkipWhen(_server.Length == 0, "Needs a PostgreSQL server: run `bash .ci/postgres.sh` and export COMPLAINTFLOW_POSTGRES.");
        await ExecuteAsync(_server, $"CREATE SCHEMA {_schema}");
        _connection = new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema, Pooling = false }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.Length > 0)
        {
            await ExecuteAsync(_server, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
    }

    [Fact]
    public async Task RebuildAndSave_OfOneCase_WaitForEachOther_InsteadOfDeadlocking()
    {
        var options = new ComplaintFlowOptions();
        ComplaintCase complaint;
        IReadOnlyList<Events.ComplaintEvent> history;
        using (var t = new TestDesk(b => b.UsePostgreSql(_connection)))
        {
            complaint = await t.OpenAsync();
            history = await t.Desk.GetHistoryAsync(complaint.Id);
        }

        var dialect = new SqlDialect("PostgreSQL", "@", "complaintflow_", "is_open", id => id.Value);
        var (row, facts, spells) = CaseReporting.FromHistory(complaint, history, ClockPresets.DefaultCalendar, new CaseEndRules(options));
        var save = ReportSql.Writes(new CaseReportUpdate(row, [], [new ReportSpell(complaint.Id, spells[0].Number, null, complaint.ReceivedAt.UtcTicks + 1)]), dialect);
        var rebuild = ReportSql.Replace(row, facts, spells, dialect);

        await using var saving = new NpgsqlConnection(_connection);
        await saving.OpenAsync();
        await using var saveTransaction = await saving.BeginTransactionAsync();
        await RunAsync(saving, saveTransaction, save[0]);

        var rebuilder = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rebuilding = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(_connection);
            await connection.OpenAsync();
            rebuilder.SetResult(connection.ProcessID);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var statement in rebuild)
            {
                await RunAsync(connection, transaction, statement);
            }

            await transaction.CommitAsync();
        });
        // Wait until the rebuild is blocked on a lock the save holds (the case's report row, or before the fix the same
        // row after taking the spells), rather than for a guessed time.
        var pid = await rebuilder.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using (var watcher = new NpgsqlConnection(_connection))
        {
            await watcher.OpenAsync();
            for (var waited = 0; ; waited++)
            {
                await using var waiting = new NpgsqlCommand("SELECT wait_event_type FROM pg_stat_activity WHERE pid = @pid", watcher);
                waiting.Parameters.AddWithValue("pid", pid);
                if (await waiting.ExecuteScalarAsync() as string == "Lock")
                {
                    break;
                }

                waited.Should().BeLessThan(600, "the rebuild reaches the save's lock within a minute");
                await Task.Delay(100);
            }
        }

        // The save ends the spell; with the rebuild holding the spells and waiting for the case's row, PostgreSQL found a
        // deadlock here (40P01) and aborted one of them.
        var ending = async () =>
        {
            foreach (var statement in save.Skip(1))
            {
                await RunAsync(saving, saveTransaction, statement);
            }

            await saveTransaction.CommitAsync();
        };

        await ending.Should().NotThrowAsync();
        await rebuilding.Invoking(r => r).Should().NotThrowAsync();
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, (string Sql, (string Name, object? Value)[] Parameters) statement)
    {
        await using var command = new NpgsqlCommand(statement.Sql, connection, transaction);
        foreach (var (name, value) in statement.Parameters.DistinctBy(p => p.Name))
        {
            command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
