using System.Text;
using ComplaintFlow.Outbox;
using ComplaintFlow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// A child process drives commands against a real store and is killed with SIGKILL mid-load. Every command it reported
/// as returned must be stored, no case may be torn, and the next start must deliver every committed event.
/// </summary>
public sealed class CrashTests
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SigKill_MidLoad_OnSqlite_LosesNothing_AndTheNextStartDeliversTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("complaintflow-crash-").FullName;
        try
        {
            var file = Path.Combine(folder, "complaints.db");
            await KillMidLoadThenCheckAsync(["sqlite", file], services => services.AddComplaintFlow().UseSqlite($"Data Source={file}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SigKill_MidLoad_OnPostgreSql_LosesNothing_AndTheNextStartDeliversTheRest()
    {
        var server = PostgresServer.ConnectionStringOrSkip();
        var schema = "cf_crash_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            await KillMidLoadThenCheckAsync(["postgres", connectionString], services => services.AddComplaintFlow().UsePostgreSql(connectionString));
        }
        finally
        {
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task KillMidLoadThenCheckAsync(string[] store, Action<IServiceCollection> useStore)
    {
        // 1. Load until a few hundred commands have returned, then kill without warning at a random moment.
        var load = await RunChildAsync(["load", .. store], killAfterApplied: 300 + Random.Shared.Next(200));
        var applied = load.Where(l => l.StartsWith("applied ", StringComparison.Ordinal)).Select(Parse).ToList();
        applied.Should().HaveCountGreaterThanOrEqualTo(300);

        // 2. What the killed process reported is stored; every case is whole.
        var services = new ServiceCollection();
        useStore(services);
        await using var provider = services.BuildServiceProvider();
        var storeUnderTest = provider.GetRequiredService<IComplaintStore>();
        var page = await storeUnderTest.QueryAsync(new ComplaintQuery { OpenOnly = false, Limit = 1000 });
        page.Unreadable.Should().BeEmpty("a SIGKILL tears no row");
        var cases = page.Cases;
        cases.Count.Should().BeLessThan(1000, "the check below reads every case in one page");
        var histories = new Dictionary<ComplaintId, IReadOnlyList<Events.ComplaintEvent>>();
        foreach (var c in cases)
        {
            var history = await storeUnderTest.GetHistoryAsync(c.Id);
            history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), "case {0} has no gaps", c.Id);
            c.Version.Should().Be(history.Count, "case {0}'s snapshot and history were written together", c.Id);
            histories[c.Id] = history;
        }

        foreach (var (id, version) in applied)
        {
            histories.Should().ContainKey(id, "a command that returned is stored");
            histories[id].Count.Should().BeGreaterThanOrEqualTo((int)version, "case {0} reached version {1} before the kill", id, version);
        }

        // 3. The next start (a real host running the outbox worker) delivers what was committed but not delivered.
        (await storeUnderTest.ListOutboxAsync(new OutboxQuery { Limit = 1 })).Should().NotBeEmpty("the load left refused events behind");
        var drain = await RunChildAsync(["drain", .. store], killAfterApplied: null);
        drain.Should().Contain("drained");
        var delivered = load.Concat(drain).Where(l => l.StartsWith("delivered ", StringComparison.Ordinal)).Select(Parse).ToList();
        foreach (var (id, history) in histories)
        {
            // At least once, in order: each case's first deliveries run 1, 2, 3, ... with nothing skipped.
            delivered.Where(d => d.Case == id).Select(d => d.Number).Distinct().Should().Equal(history.Select(e => e.Sequence), "case {0}'s events arrive in order", id);
        }

        (await storeUnderTest.ListOutboxAsync(new OutboxQuery())).Should().BeEmpty();
    }

    private static (ComplaintId Case, long Number) Parse(string line)
    {
        var parts = line.Split(' ');
        return (ComplaintId.Parse(parts[1]), long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Runs the child and returns its complete output lines. With <paramref name="killAfterApplied"/>, it is killed
    /// (SIGKILL) once that many commands have returned; a line cut short by the kill is dropped.
    /// </summary>
    private static async Task<List<string>> RunChildAsync(string[] arguments, int? killAfterApplied)
    {
        var start = BuiltProgram.StartInfo("tests/ComplaintFlow.CrashChild", arguments);
        using var child = System.Diagnostics.Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        var stream = child.StandardOutput.BaseStream;
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(LoadTimeout);
        var applied = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                var text = Encoding.UTF8.GetString(buffer, 0, read);
                output.Append(text);
                applied += CountOccurrences(text, "applied ");
                if (killAfterApplied is { } limit && applied >= limit)
                {
                    await Task.Delay(Random.Shared.Next(50));
                    child.Kill(entireProcessTree: true);
                    break;
                }
            }

            // Whatever the child wrote before it died is still in the pipe.
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                output.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }

            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"The crash child ({string.Join(' ', arguments.Take(2))}) did not finish in {LoadTimeout}: {await errors}");
        }

        if (killAfterApplied is null)
        {
            child.ExitCode.Should().Be(0, "the drain run ends by itself; its errors: {0}", await errors);
        }

        var all = output.ToString();
        return [.. all[..(all.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
