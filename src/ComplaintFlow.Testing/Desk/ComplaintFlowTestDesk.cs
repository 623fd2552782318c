using ComplaintFlow.Storage;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Testing;

/// <summary>
/// A desk for tests, built through the same <c>AddComplaintFlow()</c> an app calls: on the in-memory store or on a
/// temporary SQLite file (deleted when the desk is disposed), with a <see cref="FakeTimeProvider"/> that
/// <see cref="Clock"/> moves in business time and the deadline worker run by hand.
/// </summary>
public sealed class ComplaintFlowTestDesk : IDisposable, IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 UTC: the start of a working week, where tests begin unless told otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly string? _folder;
    private readonly DeadlineFailures _deadlineFailures;

    private ComplaintFlowTestDesk(Action<ComplaintFlowBuilder>? configure, Action<ComplaintFlowOptions>? options, DateTimeOffset? start, bool onSqlite)
    {
        Time = new FakeTimeProvider(start ?? DefaultStart);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        var flow = options is null ? services.AddComplaintFlow() : services.AddComplaintFlow(options);
        if (onSqlite)
        {
            _folder = Directory.CreateTempSubdirectory("complaintflow-test-").FullName;
            DatabasePath = Path.Combine(_folder, "complaints.db");
            flow.UseSqlite($"Data Source={DatabasePath}");
        }

        configure?.Invoke(flow);
        flow.AddDeadlineWorker();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Desk = _provider.GetRequiredService<IComplaintDesk>();
        Store = _provider.GetRequiredService<IComplaintStore>();
        _deadlineFailures = new DeadlineFailures(_provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
        Clock = new BusinessClock(Time, _provider.GetRequiredService<IOptions<ComplaintFlowOptions>>().Value.Clocks.Calendar, RunDeadlinesAsync, NextDueAsync);
    }

    /// <summary>A desk on the in-memory store.</summary>
    /// <param name="configure">More registrations: steps, policies, handlers, another store.</param>
    /// <param name="options">The desk's options, as <c>AddComplaintFlow(options)</c> takes them.</param>
    /// <param name="start">The fake clock's start; <see cref="DefaultStart"/> by default.</param>
    public static ComplaintFlowTestDesk InMemory(Action<ComplaintFlowBuilder>? configure = null, Action<ComplaintFlowOptions>? options = null, DateTimeOffset? start = null) =>
        new(configure, options, start, onSqlite: false);

    /// <summary>A desk on a new SQLite file in the temporary folder, deleted on dispose.</summary>
    public static ComplaintFlowTestDesk OnSqliteFile(Action<ComplaintFlowBuilder>? configure = null, Action<ComplaintFlowOptions>? options = null, DateTimeOffset? start = null) =>
        new(configure, options, start, onSqlite: true);

    /// <summary>The desk, as the app would resolve it.</summary>
    public IComplaintDesk Desk { get; }

    /// <summary>The store behind the desk.</summary>
    public IComplaintStore Store { get; }

    /// <summary>Every registered service.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The fake clock every part of the desk reads.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Moves <see cref="Time"/> in business or calendar time and records what fell due.</summary>
    public BusinessClock Clock { get; }

    /// <summary>The SQLite file, when the desk is on one.</summary>
    public string? DatabasePath { get; }

    /// <summary>Starts a complaint story (see <see cref="ComplaintStory"/>), told by <paramref name="actor"/>.</summary>
    public ComplaintStory Story(string customerRef, string summary, Actor actor) => new(this, customerRef, summary, actor);

    /// <summary>
    /// Runs the deadline worker until nothing more is due: warnings, breaches and their escalations. A case whose due
    /// clocks cannot be recorded (an escalation policy of the test throwing, say), which the hosted worker would log and
    /// pass over, fails the call with that case's exception, so a test never passes on what was not recorded.
    /// </summary>
    /// <returns>How many due rows the worker claimed, over all its polls.</returns>
    /// <exception cref="AggregateException">Several cases failed; each inner exception is one case's.</exception>
    public async Task<int> RunDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var worker = new DeadlineWorker(Desk, Store, Time, _provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>(), _deadlineFailures);
        var total = 0;
        for (var claimed = await worker.RunOnceAsync(cancellationToken).ConfigureAwait(false); claimed > 0; claimed = await worker.RunOnceAsync(cancellationToken).ConfigureAwait(false))
        {
            total += claimed;
        }

        switch (_deadlineFailures.Take())
        {
            case []:
                return total;
            case [var only]:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(only);
                return total;
            case var several:
                throw new AggregateException("The deadline worker could not record the due clocks of several cases.", several);
        }
    }

    /// <summary>The earliest instant anything falls due on an open case, or null: a test's cases, read page by page.</summary>
    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        ComplaintId? after = null;
        do
        {
            var page = await Store.QueryAsync(new ComplaintQuery { OpenOnly = true, After = after, Limit = StoreQueryValidation.MaxLimit }, cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page.Cases)
            {
                if (complaint.NextDueAt is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }

            after = page.Next;
        }
        while (after is not null);

        return next;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        DeleteFile();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync().ConfigureAwait(false);
        DeleteFile();
    }

    private void DeleteFile()
    {
        if (_folder is null)
        {
            return;
        }

        // The store cleared its own connection pool when the provider disposed it, so the file is closed by now.
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another process still holds the file; the temporary folder is the system's to clean.
        }
    }
}
