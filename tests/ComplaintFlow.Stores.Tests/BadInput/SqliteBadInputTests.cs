using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests.BadInput;

/// <summary>The bad-input table on a real SQLite file, counting every table's rows.</summary>
public sealed class SqliteBadInputTests : BadInputTests
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

    protected override async Task<string> RowCountsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM cases) || ' cases, ' || (SELECT COUNT(*) FROM events) || ' events, '
                || (SELECT COUNT(*) FROM case_categories) || ' categories, ' || (SELECT COUNT(*) FROM idempotency) || ' keys, '
                || (SELECT COUNT(*) FROM outbox) || ' outbox, ' || (SELECT COUNT(*) FROM outbox_claims) || ' claims'
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
