using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintFlow.Stores.Tests;

/// <summary>An unreachable PostgreSQL server is a transient store error naming the store, never a policy's failure.</summary>
public sealed class PostgreSqlStoreFailureTests
{
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
}
