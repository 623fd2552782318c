using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>The report contract on real SQLite files, answered in SQL from the report tables.</summary>
public sealed class SqliteReportContractTests : ReportContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-reports-").FullName;
    private int _files;

    protected override StoreUnderTest NewStore()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, $"complaints-{++_files}.db")}";
        return new(b => b.UseSqlite(connectionString), () => ExecuteAsync(connectionString, "DELETE FROM report_facts; DELETE FROM report_spells; DELETE FROM report_cases;"));
    }

    /// <summary>Runs SQL on the file as someone outside the library would: a hand edit, or a wipe of the report tables.</summary>
    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Reports_FromARowDamagedByHand_AreTheStoresFailureAndARebuildMendsThem()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "damaged.db")}";
        await using var t = new ReportDesk(b => b.UseSqlite(connectionString), _ => { }, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = new Actor("a-1", "Sam", "agent") });
        await ExecuteAsync(connectionString, "UPDATE report_cases SET received_date = '2 March'");

        var read = () => t.Reports.GetAsicIdrRowsAsync(MarchScript.March).AsTask();

        var failure = (await read.Should().ThrowAsync<ComplaintStoreException>()).Which;
        failure.Message.Should().Contain("SQLite").And.Contain("a received date '2 March'").And.Contain("RebuildAsync");
        failure.IsTransient.Should().BeFalse();
        await t.Reports.RebuildAsync();
        (await t.Reports.GetAsicIdrRowsAsync(MarchScript.March)).Should().ContainSingle().Which.DateReceived.Should().Be(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public async Task Rebuild_OfARowWhoseGroupWasEditedByHand_PutsBackWhatTheHistorySays()
    {
        // A case with no decision at all: its groups are none. A rebuild folds the whole history, so it must replace
        // the stored groups, not keep them as a save does for a decision the case no longer has.
        var connectionString = $"Data Source={Path.Combine(_folder, "edited.db")}";
        await using var t = new ReportDesk(b => b.UseSqlite(connectionString), MarchScript.Configure, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = new Actor("a-1", "Sam", "agent") });
        await ExecuteAsync(connectionString, "UPDATE report_cases SET product_group = 'Bogus', cause_group = 'Bogus'");

        await t.Reports.RebuildAsync();

        (await t.Reports.GetFcaReturnAsync(MarchScript.March)).Rows.Should().Equal(new ComplaintFlow.Reports.FcaReturnRow("(none)", "(none)", 0, 1, 0, 0, 0, 0, 0m, 0m));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
