using ComplaintFlow.Serialization;
using ComplaintFlow.Sqlite;
using ComplaintFlow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The SQLite schema's versions: an old file is upgraded in place with its cases kept; a newer one is refused.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private static readonly Actor Agent = new("a-1", "Sam", "agent");
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-schema-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "complaints.db")}";

    [Fact]
    public async Task FileAtVersionOne_IsUpgradedOnFirstUse_KeepingItsCases_AndGainingTheOutboxAndClaims()
    {
        // A file written by the first release: version-1 tables holding one case.
        var old = await CaseFromAnotherStoreAsync();
        await ExecuteAsync(SqliteSchema.Script(1) + "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);");
        await ExecuteAsync(
            "INSERT INTO cases (id, version, step, owner_id, customer_ref, is_open, received_at, next_due_at, document) VALUES ($id, $version, $step, NULL, $customer, 1, $received, $due, $document)",
            ("$id", old.Case.Id.ToString()), ("$version", old.Case.Version), ("$step", old.Case.Step), ("$customer", old.Case.CustomerRef),
            ("$received", old.Case.ReceivedAt.UtcTicks), ("$due", old.Case.NextDueAt!.Value.UtcTicks), ("$document", System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(old.Case))));
        foreach (var e in old.History)
        {
            await ExecuteAsync("INSERT INTO events (case_id, sequence, type, occurred_at, document) VALUES ($id, $sequence, $type, $at, $document)",
                ("$id", old.Case.Id.ToString()), ("$sequence", e.Sequence), ("$type", e.Data.GetType().Name), ("$at", e.OccurredAt.UtcTicks), ("$document", System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeEvent(e))));
        }

        var handled = new ScriptedHandler();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddSingleton<Events.IComplaintEventHandler>(handled);
        services.AddComplaintFlow().UseSqlite(ConnectionString);
        using var provider = services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();

        (await desk.GetAsync(old.Case.Id)).Version.Should().Be(old.Case.Version, "the old case is read as it was");
        var noted = await desk.ExecuteAsync(new AddNote { CaseId = old.Case.Id, Actor = Agent, Text = "after the upgrade" });
        handled.SequencesOf(old.Case.Id).Should().Equal([noted.Version], "the outbox tables of version 2 exist and deliver");
        handled.FailFor(old.Case.Id, 1);
        await desk.ExecuteAsync(new AddNote { CaseId = old.Case.Id, Actor = Agent, Text = "its delivery fails once" });
        (await ScalarAsync("SELECT attempts FROM outbox WHERE handled_by IS NULL")).Should().Be(1L, "a failure is recorded in the outbox with the handled-by column of version 6");
        _time.Advance(TimeSpan.FromDays(5));
        (await provider.GetRequiredService<IComplaintStore>().ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1))).CaseIds.Should().Equal(old.Case.Id);
        (await ScalarAsync("SELECT version FROM schema_version")).Should().Be((long)SqliteSchema.Current);
    }

    [Fact]
    public async Task FileFromANewerRelease_IsRefusedNamingBothVersions_AndLeftUntouched()
    {
        using (var store = new SqliteComplaintStore(ConnectionString))
        {
            await store.EnsureSchemaAsync();
        }

        await ExecuteAsync($"UPDATE schema_version SET version = {SqliteSchema.Current + 1}");
        SqliteConnection.ClearAllPools();
        using var newer = new SqliteComplaintStore(ConnectionString);

        var act = () => newer.FindAsync(new ComplaintId(Guid.NewGuid())).AsTask();

        (await act.Should().ThrowAsync<ComplaintStoreException>()).Which.Message.Should()
            .Contain($"schema version {SqliteSchema.Current + 1}").And.Contain($"({SqliteSchema.Current})").And.Contain("Upgrade the package");
        (await ScalarAsync("SELECT version FROM schema_version")).Should().Be((long)SqliteSchema.Current + 1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(ComplaintCase Case, IReadOnlyList<Events.ComplaintEvent> History)> CaseFromAnotherStoreAsync()
    {
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddComplaintFlow().Services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        return (c, await desk.GetHistoryAsync(c.Id));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
