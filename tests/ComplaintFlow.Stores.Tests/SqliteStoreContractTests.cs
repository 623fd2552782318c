using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The store contract on a real SQLite file in a temporary folder, plus what only a file can show.</summary>
public sealed class SqliteStoreContractTests : SqlStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "complaints.db")}";

    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UseSqlite(ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Data_SurvivesANewStoreOnTheSameFile()
    {
        var c = await OpenAsync();
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        var expected = await StoredAsync(c.Id);

        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(Time).AddComplaintFlow().UseSqlite(ConnectionString).Services.BuildServiceProvider();
        var reopened = provider.GetRequiredService<ComplaintFlow.Storage.IComplaintStore>();

        var found = await reopened.FindAsync(c.Id);
        found!.Version.Should().Be(c.Version);
        (await StoredAsync(c.Id)).Should().Be(expected);
    }

    [Fact]
    public async Task Find_AfterAnotherProcessChangedTheCase_ReadsTheNewVersion_NotARememberedOne()
    {
        var c = await OpenAsync();
        (await Store.FindAsync(c.Id))!.Version.Should().Be(c.Version, "the first store has read and remembered the case");
        using var other = new ServiceCollection().AddSingleton<TimeProvider>(Time).AddComplaintFlow().UseSqlite(ConnectionString).Services.BuildServiceProvider();

        var changed = await other.GetRequiredService<IComplaintDesk>().ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "from elsewhere" });

        var seen = await Store.FindAsync(c.Id);
        seen!.Version.Should().Be(changed.Version);
        seen.Notes.Should().ContainSingle(n => n.Text == "from elsewhere");
        (await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "and here" })).Version.Should().Be(changed.Version + 1);
    }

    [Fact]
    public async Task ConcurrentRetries_WithTheSameKey_OnTwoDesksOverOneFile_AllGetTheFirstResult()
    {
        await using var other = new ServiceCollection().AddSingleton<TimeProvider>(Time).AddComplaintFlow().UseSqlite(ConnectionString).Services.BuildServiceProvider();

        await ConcurrentKeyedRetriesAsync(Desk, other.GetRequiredService<IComplaintDesk>());
    }

    [Fact]
    public async Task Find_SnapshotStoredAsABlob_IsADataErrorNamingTheCase()
    {
        var c = await OpenAsync();
        await ExecuteAsync("UPDATE cases SET document = X'DEADBEEF' WHERE id = $id", c.Id);

        var act = () => Desk.GetAsync(c.Id).AsTask();

        (await act.Should().ThrowAsync<ComplaintDataException>()).Which.CaseId.Should().Be(c.Id);
    }

    [Fact]
    public async Task ClaimDue_RowWhoseIdIsNotAGuid_IsReported_AndTheOtherDueCasesAreClaimed()
    {
        var damaged = await OpenAsync("cust-x");
        var fine = await OpenAsync("cust-y");
        await ExecuteAsync("UPDATE cases SET id = 'not-a-guid' WHERE id = $id", damaged.Id);
        var now = fine.NextDueAt!.Value.AddMinutes(1);

        var claim = await Store.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(5));

        claim.CaseIds.Should().Equal(fine.Id);
        claim.Unreadable.Should().ContainSingle().Which.Id.Should().Be("not-a-guid");
    }

    [Fact]
    public async Task FindIdempotencyRecord_WhoseCaseIdIsNotAGuid_IsADataErrorNamingTheKey()
    {
        var c = await OpenAsync();
        await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "once", IdempotencyKey = "k-bad" });
        await ExecuteAsync("UPDATE idempotency SET case_id = 'junk' WHERE case_id = $id", c.Id);

        var act = () => Store.FindIdempotencyRecordAsync("k-bad").AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.IdempotencyKey.Should().Be("k-bad");
        error.Message.Should().Contain("k-bad").And.Contain("junk");
    }

    protected override Task CorruptCaseAsync(ComplaintId caseId) =>
        ExecuteAsync("UPDATE cases SET document = '{not json' WHERE id = $id", caseId);

    protected override Task CorruptEventAsync(ComplaintId caseId, long sequence) =>
        ExecuteAsync($"UPDATE events SET document = '{{torn' WHERE case_id = $id AND sequence = {sequence}", caseId);

    protected override Task NullCaseMemberAsync(ComplaintId caseId, string member) =>
        ExecuteAsync($"UPDATE cases SET document = json_set(document, '$.{member}', json('null')) WHERE id = $id", caseId);

    protected override Task DeleteEventAsync(ComplaintId caseId, long sequence) =>
        ExecuteAsync($"DELETE FROM events WHERE case_id = $id AND sequence = {sequence}", caseId);

    protected override Task RenumberEventDocumentAsync(ComplaintId caseId, long sequence, long documentSays) =>
        ExecuteAsync($"UPDATE events SET document = json_set(document, '$.sequence', {documentSays}) WHERE case_id = $id AND sequence = {sequence}", caseId);

    protected override Task SetVersionColumnAsync(ComplaintId caseId, long version) =>
        ExecuteAsync($"UPDATE cases SET version = {version} WHERE id = $id", caseId);

    protected override async Task<(bool Parked, string? LastError)> OutboxRowAsync(ComplaintId caseId, long sequence)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT parked, last_error FROM outbox WHERE case_id = $id AND sequence = $sequence";
        command.Parameters.AddWithValue("$id", caseId.ToString());
        command.Parameters.AddWithValue("$sequence", sequence);
        using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the outbox row of event {0} exists", sequence);
        return (reader.GetInt64(0) == 1, reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql, ComplaintId caseId)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", caseId.ToString());
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }
}
