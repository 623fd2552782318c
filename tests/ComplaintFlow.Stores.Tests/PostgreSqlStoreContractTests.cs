using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, each test in a schema of its own. Set
/// <c>COMPLAINTFLOW_POSTGRES</c> to a connection string to run them (<c>.ci/postgres.sh</c> starts a local server and
/// prints one); without it they are skipped, except in CI, where that is a failure.
/// </summary>
public sealed class PostgreSqlStoreContractTests : StoreContract
{
    private readonly string _schema = "cf_" + Guid.NewGuid().ToString("N")[..12];
    private string? _server;

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

    protected override void UseStore(ComplaintFlowBuilder builder) =>
        builder.UsePostgreSql(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString());

    [Fact]
    public async Task CorruptRow_FailsToLoadNamingTheCase_OtherCasesKeepWorking()
    {
        var broken = await OpenAsync("cust-x");
        var fine = await OpenAsync("cust-y");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE complaintflow_cases SET document = '{\"id\": 42}'::jsonb WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", broken.Id.Value);
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var act = () => Desk.GetAsync(broken.Id).AsTask();

        (await act.Should().ThrowAsync<ComplaintDataException>()).Which.CaseId.Should().Be(broken.Id);
        (await Desk.ExecuteAsync(new AddNote { CaseId = fine.Id, Actor = Agent, Text = "still fine" })).Notes.Should().ContainSingle();
    }
}
