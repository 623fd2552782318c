using ComplaintFlow.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// Infrastructure failures of the SQLite store surface as one typed store error that names the store, the file and
/// the cause, never as a policy's failure or a provider exception.
/// </summary>
public sealed class SqliteStoreFailureTests : IDisposable
{
    private static readonly Actor Agent = new("a-1", "Sam", "agent");

    private readonly SqliteFolder _files = new();

    private string DatabasePath => _files.Database;

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Damage => ["zeroed header", "truncated", "random bytes"];

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task Open_OnAFileThatIsNotADatabase_IsAStoreErrorNamingTheFile_NotAPolicyFailure(string damage)
    {
        await WriteDamagedFileAsync(damage);
        using var provider = Provider($"Data Source={DatabasePath}");
        var desk = provider.GetRequiredService<IComplaintDesk>();

        var act = () => desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Agent }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintStoreException>()).Which;
        error.Store.Should().Be("SQLite");
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain(DatabasePath).And.Contain("not a SQLite database");
        error.InnerException.Should().BeOfType<SqliteException>();
    }

    [Fact]
    public async Task Command_WhileAnotherConnectionHoldsTheWriteLockPastTheBusyTimeout_IsATransientStoreError()
    {
        using var provider = Provider($"Data Source={DatabasePath};Default Timeout=1");
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Agent });
        await using var blocker = new SqliteConnection($"Data Source={DatabasePath}");
        await blocker.OpenAsync();
        using var hold = blocker.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE";
        await hold.ExecuteNonQueryAsync();

        var act = () => desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "blocked" }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintStoreException>()).Which;
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("SQLite").And.Contain("locked");
        hold.CommandText = "ROLLBACK";
        await hold.ExecuteNonQueryAsync();
        (await desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "after" })).Notes.Should().ContainSingle("the store recovers once the lock is gone");
    }

    public static TheoryData<int, bool, string> ProviderErrors => new()
    {
        { 13, true, "full" },
        { 5, true, "locked" },
        { 6, true, "locked" },
        { 26, false, "not a SQLite database" },
        { 11, false, "damaged" },
        { 14, false, "cannot be opened" },
        { 10, true, "input/output" },
        // A race for the write-ahead log's lock, and memory running out, pass: both were reported as permanent.
        { 15, true, "raced this one" },
        { 7, true, "out of memory" },
    };

    [Theory]
    [MemberData(nameof(ProviderErrors))]
    public void Translate_ProviderError_IsAStoreErrorWithTheCauseAndTransience(int code, bool transient, string cause)
    {
        var error = SqliteFailures.Translate(new SqliteException("provider text", code), DatabasePath);

        error.IsTransient.Should().Be(transient);
        error.Store.Should().Be("SQLite");
        error.Message.Should().Contain(cause).And.Contain(DatabasePath);
        error.InnerException.Should().BeOfType<SqliteException>();
    }

    private static ServiceProvider Provider(string connectionString) =>
        new ServiceCollection().AddComplaintFlow().UseSqlite(connectionString).Services.BuildServiceProvider();

    private async Task WriteDamagedFileAsync(string damage)
    {
        using (var provider = Provider($"Data Source={DatabasePath}"))
        {
            await provider.GetRequiredService<IComplaintDesk>().OpenAsync(new OpenComplaint { CustomerRef = "c-0", Summary = "Late", Channel = Channel.Email, Actor = Agent });
        }

        SqliteConnection.ClearAllPools();
        File.Delete(DatabasePath + "-wal");
        File.Delete(DatabasePath + "-shm");
        var bytes = await File.ReadAllBytesAsync(DatabasePath);
        switch (damage)
        {
            case "zeroed header":
                Array.Clear(bytes, 0, 100);
                break;
            case "truncated":
                bytes = bytes[..50];
                break;
            default:
                new Random(42).NextBytes(bytes);
                break;
        }

        await File.WriteAllBytesAsync(DatabasePath, bytes);
    }
}
