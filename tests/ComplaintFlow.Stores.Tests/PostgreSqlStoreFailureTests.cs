using ComplaintFlow.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>An unreachable PostgreSQL server is a transient store error naming the store, never a policy's failure.</summary>
public sealed class PostgreSqlStoreFailureTests
{
    [Theory]
    [InlineData("57014", true, "cancelled the statement")]
    [InlineData("40P01", true, "give way")]
    [InlineData("42P01", false, "refused a statement")]
    public void Translate_ServerError_IsAStoreErrorWithTheCauseAndTransience(string sqlState, bool transient, string cause)
    {
        // 57014 is the server's statement_timeout or an administrator's cancel: Npgsql calls it permanent, but the
        // same statement usually succeeds later, so the workers should back off and retry, not give up on the case.
        var error = PostgreSqlFailures.Translate(new Npgsql.PostgresException("server text", "ERROR", "ERROR", sqlState));

        error.IsTransient.Should().Be(transient);
        error.Store.Should().Be("PostgreSQL");
        error.Message.Should().Contain(cause);
    }

    [Fact]
    public async Task Open_WhenTheServerRefusesConnections_IsATransientStoreError()
    {
        using var provider = new ServiceCollection().AddComplaintFlow().UsePostgreSql("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2").Services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();

        var act = () => desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = new Actor("a-1", "Sam", "agent") }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintStoreException>()).Which;
        error.Store.Should().Be("PostgreSQL");
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("PostgreSQL").And.Contain("cannot be reached");
        error.InnerException.Should().BeAssignableTo<NpgsqlException>();
    }

    [Fact]
    public async Task AfterDispose_OnTheAppsOwnDataSource_UseIsObjectDisposed()
    {
        // The app keeps its data source open; the store on it went on reading and writing after it was disposed.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");
        var provider = new ServiceCollection().AddComplaintFlow().UsePostgreSql(dataSource).Services.BuildServiceProvider();
        var store = provider.GetRequiredService<Storage.IComplaintStore>();
        await provider.DisposeAsync();

        await FluentActions.Awaiting(() => store.FindAsync(new ComplaintId(Guid.CreateVersion7())).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.ListOutboxAsync(new Outbox.OutboxQuery()).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
    }
}
