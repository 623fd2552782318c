using ComplaintFlow.Sqlite;
using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The SQLite writer's one connection: closed on disposal whether or not a save holds it at that moment.</summary>
public sealed class SqliteWriterTests : IDisposable
{
    private readonly SqliteFolder _files = new();
    private readonly List<SqliteConnection> _opened = [];

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Dispose_WhileASaveHoldsTheTurn_ClosesTheConnectionWhenTheTurnEnds()
    {
        using var writer = Writer();
        var turn = await writer.TakeTurnAsync(CancellationToken.None);
        turn.Completed();

        writer.Dispose();
        _opened.Single().State.Should().Be(System.Data.ConnectionState.Open, "closing it under the running save would fail the save for the wrong reason");
        turn.Dispose();

        _opened.Single().State.Should().Be(System.Data.ConnectionState.Closed, "the healthy turn that ended after the disposal closed it");
    }

    [Fact]
    public async Task TakeTurn_AfterDispose_IsObjectDisposed_AndWaitingTurnsAreRefusedToo()
    {
        using var writer = Writer();
        var holding = await writer.TakeTurnAsync(CancellationToken.None);
        var waiting = writer.TakeTurnAsync(CancellationToken.None);

        writer.Dispose();
        holding.Dispose();

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<ObjectDisposedException>("a save waiting for the turn is refused, not left hanging");
        await FluentActions.Awaiting(() => writer.TakeTurnAsync(CancellationToken.None)).Should().ThrowAsync<ObjectDisposedException>();
        _opened.Should().OnlyContain(c => c.State == System.Data.ConnectionState.Closed);
    }

    private SqliteWriter Writer() => new(async token =>
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_files.Path, "writer.db")}");
        await connection.OpenAsync(token);
        _opened.Add(connection);
        return connection;
    });
}
