using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// The report contract on a real PostgreSQL server, each store in a schema of its own, answered in SQL from the report
/// tables. Needs <c>COMPLAINTFLOW_POSTGRES</c> (see <see cref="PostgresServer"/>).
/// </summary>
public sealed class PostgreSqlReportContractTests : ReportContract
{
    private readonly List<string> _schemas = [];
    private string _server = string.Empty;

    public override async ValueTask InitializeAsync()
    {
        _server = PostgresServer.ConnectionStringOrSkip();
        await base.InitializeAsync();
    }

    protected override StoreUnderTest NewStore()
    {
        var schema = "cf_" + Guid.NewGuid().ToString("N")[..12];
        _schemas.Add(schema);
        Execute(_server, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = schema }.ToString();
        return new(b => b.UsePostgreSql(connectionString), () =>
        {
            Execute(connectionString, "DELETE FROM complaintflow_report_facts; DELETE FROM complaintflow_report_spells; DELETE FROM complaintflow_report_cases;");
            return Task.CompletedTask;
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var schema in _schemas)
        {
            Execute(_server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
