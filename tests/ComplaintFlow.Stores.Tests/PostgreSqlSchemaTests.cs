using ComplaintFlow.PostgreSql;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The PostgreSQL schema's versions: created once for instances starting together; a newer one is refused.</summary>
public sealed class PostgreSqlSchemaTests : IAsyncLifetime
{
    private readonly string _schema = "cf_schema_" + Guid.NewGuid().ToString("N")[..10];
    private string _server = string.Empty;

    private string SchemaConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString();

    public async ValueTask InitializeAsync()
    {
        _server = PostgresServer.ConnectionStringOrSkip();
        await ExecuteAsync(_server, $"CREATE SCHEMA {_schema}");
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync(_server, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    [Fact]
    public async Task FourInstancesStartingTogether_CreateTheSchemaOnce_AtTheCurrentVersion()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlComplaintStore(NpgsqlDataSource.Create(SchemaConnectionString), ownsDataSource: true)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(async () => await s.FindAsync(new ComplaintId(Guid.NewGuid())))));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }

        (await ScalarAsync("SELECT COUNT(*) FROM complaintflow_schema_version")).Should().Be(1L);
        (await ScalarAsync("SELECT MAX(version) FROM complaintflow_schema_version")).Should().Be(PostgreSqlSchema.Current);
    }

    [Fact]
    public async Task DatabaseFromANewerRelease_IsRefusedNamingBothVersions()
    {
        using (var store = new PostgreSqlComplaintStore(NpgsqlDataSource.Create(SchemaConnectionString), ownsDataSource: true))
        {
            await store.FindAsync(new ComplaintId(Guid.NewGuid()));
        }

        await ExecuteAsync(SchemaConnectionString, $"UPDATE complaintflow_schema_version SET version = {PostgreSqlSchema.Current + 1}");
        using var newer = new PostgreSqlComplaintStore(NpgsqlDataSource.Create(SchemaConnectionString), ownsDataSource: true);

        var act = () => newer.FindAsync(new ComplaintId(Guid.NewGuid())).AsTask();

        (await act.Should().ThrowAsync<ComplaintStoreException>()).Which.Message.Should().Contain($"{PostgreSqlSchema.Current + 1}").And.Contain($"{PostgreSqlSchema.Current}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(SchemaConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
