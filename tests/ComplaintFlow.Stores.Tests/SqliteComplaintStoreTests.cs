using ComplaintFlow.Outbox;
using ComplaintFlow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The SQLite store's lifetime: what disposing it lets go of, and what using it afterwards says.</summary>
public sealed class SqliteComplaintStoreTests : IDisposable
{
    private static readonly Actor Agent = new("a-1", "Sam", "agent");

    private readonly SqliteFolder _files = new();

    private string DatabasePath => _files.Database;

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Dispose_ClosesEveryConnectionToTheFile()
    {
        // Pooled connections kept the file and its -wal and -shm open for minutes after the store was gone: a backup
        // restore or a move of the file failed (on Windows) until the pool pruned them, or the process ended.
        Assert.SkipUnless(Directory.Exists("/proc/self/fd"), "reads the process's open files from /proc");
        var provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={DatabasePath}").Services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        await desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "called" });
        await desk.QueryAsync(new ComplaintQuery());
        OpenFilesUnder(_files.Path).Should().NotBeEmpty("the store is in use");

        await provider.DisposeAsync();

        OpenFilesUnder(_files.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task AfterDispose_ReadsAndWritesAreObjectDisposed_NotStoreErrors()
    {
        var provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={DatabasePath}").Services.BuildServiceProvider();
        var store = provider.GetRequiredService<IComplaintStore>();
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        await provider.DisposeAsync();

        // Reads opened fresh pooled connections and answered; outbox writes succeeded on a store that was gone.
        await FluentActions.Awaiting(() => store.FindAsync(c.Id).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.ListOutboxAsync(new OutboxQuery()).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.RedriveOutboxAsync(c.Id, DateTimeOffset.UtcNow).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.ClaimDueAsync(DateTimeOffset.UtcNow, 10, TimeSpan.FromMinutes(1)).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        FluentActions.Invoking(() => ((IDisposable)store).Dispose()).Should().NotThrow("disposing twice is harmless");
    }

    private static List<string> OpenFilesUnder(string folder) =>
        [.. Directory.EnumerateFileSystemEntries("/proc/self/fd").Select(Target).OfType<string>().Where(t => t.StartsWith(folder, StringComparison.Ordinal))];

    private static string? Target(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed between the listing and the read
        }
    }
}
