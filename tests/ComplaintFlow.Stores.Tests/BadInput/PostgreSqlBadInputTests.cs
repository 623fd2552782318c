using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests.BadInput;

/// <summary>The bad-input table on a real PostgreSQL server, in a schema of its own, counting every table's rows.</summary>
public sealed class PostgreSqlBadInputTests : BadInputTests
{
    private readonly string _schema = "cf_" + Guid.NewGuid().ToString("N")[..12];
    private string? _server;

    // A small pool: one row at a time needs few connections, and the contract tests running beside it need many.
    private string SchemaConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema, MaxPoolSize = 4 }.ToString();

    public override async ValueTask InitializeAsync()
    {
        _server = PostgresServer.ConnectionStringOrSkip();
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!string.IsNullOrWhiteSpace(_server))
        {
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UsePostgreSql(SchemaConnectionString);

    protected override async Task<string> RowCountsAsync()
    {
        // Unpooled: every row has a schema of its own, and a pool per schema would keep a connection open per row.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(SchemaConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT COUNT(*) FROM complaintflow_cases) || ' cases, ' || (SELECT COUNT(*) FROM complaintflow_events) || ' events, '
                || (SELECT COUNT(*) FROM complaintflow_case_categories) || ' categories, ' || (SELECT COUNT(*) FROM complaintflow_idempotency) || ' keys, '
                || (SELECT COUNT(*) FROM complaintflow_outbox) || ' outbox, ' || (SELECT COUNT(*) FROM complaintflow_outbox_claims) || ' claims'
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
