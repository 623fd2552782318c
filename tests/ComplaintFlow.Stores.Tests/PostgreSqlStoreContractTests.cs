using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, each test in a schema of its own. Set
/// <c>COMPLAINTFLOW_POSTGRES</c> to a connection string to run them (<c>.ci/postgres.sh</c> starts a local server and
/// prints one); without it they are skipped, except in CI, where that is a failure.
/// </summary>
public sealed class PostgreSqlStoreContractTests : SqlStoreContract
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

    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UsePostgreSql(SchemaConnectionString);

    // Valid JSON, so jsonb accepts it, but not a case or an event.
    protected override Task CorruptCaseAsync(ComplaintId caseId) =>
        ExecuteAsync("UPDATE complaintflow_cases SET document = '{\"id\": 42}'::jsonb WHERE id = @id", caseId);

    protected override Task CorruptEventAsync(ComplaintId caseId, long sequence) =>
        ExecuteAsync($"UPDATE complaintflow_events SET document = '{{\"id\": 42}}'::jsonb WHERE case_id = @id AND sequence = {sequence}", caseId);

    protected override Task NullCaseMemberAsync(ComplaintId caseId, string member) =>
        ExecuteAsync($"UPDATE complaintflow_cases SET document = jsonb_set(document, '{{{member}}}', 'null'::jsonb) WHERE id = @id", caseId);

    protected override Task DeleteEventAsync(ComplaintId caseId, long sequence) =>
        ExecuteAsync($"DELETE FROM complaintflow_events WHERE case_id = @id AND sequence = {sequence}", caseId);

    protected override Task RenumberEventDocumentAsync(ComplaintId caseId, long sequence, long documentSays) =>
        ExecuteAsync($"UPDATE complaintflow_events SET document = jsonb_set(document, '{{sequence}}', '{documentSays}') WHERE case_id = @id AND sequence = {sequence}", caseId);

    protected override Task SetVersionColumnAsync(ComplaintId caseId, long version) =>
        ExecuteAsync($"UPDATE complaintflow_cases SET version = {version} WHERE id = @id", caseId);

    protected override async Task<(bool Parked, string? LastError)> OutboxRowAsync(ComplaintId caseId, long sequence)
    {
        await using var connection = new NpgsqlConnection(DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT parked, last_error FROM complaintflow_outbox WHERE case_id = @id AND sequence = @sequence", connection);
        command.Parameters.AddWithValue("id", caseId.Value);
        command.Parameters.AddWithValue("sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the outbox row of event {0} exists", sequence);
        return (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    // Unpooled, for the test's own statements: each test has a schema of its own, and a pool per schema would keep a
    // connection open per test.
    private string DirectConnectionString => new NpgsqlConnectionStringBuilder(SchemaConnectionString) { Pooling = false }.ToString();

    private string SchemaConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString();

    private async Task ExecuteAsync(string sql, ComplaintId caseId)
    {
        await using var connection = new NpgsqlConnection(DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", caseId.Value);
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }
}
