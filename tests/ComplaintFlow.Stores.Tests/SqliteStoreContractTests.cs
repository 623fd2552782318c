using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The store contract on a real SQLite file in a temporary folder, plus what only a file can show.</summary>
public sealed class SqliteStoreContractTests : StoreContract
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
    public async Task CorruptRow_FailsToLoadNamingTheCase_OtherCasesKeepWorking()
    {
        var broken = await OpenAsync("cust-x");
        var fine = await OpenAsync("cust-y");
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE cases SET document = '{not json' WHERE id = $id";
            command.Parameters.AddWithValue("$id", broken.Id.ToString());
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var act = () => Desk.GetAsync(broken.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(broken.Id);
        error.Problem.Should().Contain("cannot be read");
        (await Desk.ExecuteAsync(new AddNote { CaseId = fine.Id, Actor = Agent, Text = "still fine" })).Notes.Should().ContainSingle();
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
}
