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
        return new(b => b.UseSqlite(connectionString), async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM report_facts; DELETE FROM report_spells; DELETE FROM report_cases;";
            await command.ExecuteNonQueryAsync();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
