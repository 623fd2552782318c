using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using ComplaintFlow.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Time;

/// <summary>
/// A hosted background service that, every poll, claims the cases whose next clock warning or deadline has come,
/// records the warnings and breaches once, and lets the escalation policies react. Several instances, in one process
/// or many, may run against one store. A failed poll (the store is down, say) is logged and counted, and the worker
/// backs off and tries again: it never stops while the host runs. Register with
/// <c>AddComplaintFlow().AddDeadlineWorker()</c>.
/// </summary>
public sealed class DeadlineWorker : BackgroundService, IComplaintFlowWorker
{
    /// <summary>The name the worker reports in logs, metrics and health checks.</summary>
    public const string WorkerName = "deadline-worker";

    private readonly IComplaintDesk _desk;
    private readonly IComplaintStore _store;
    private readonly TimeProvider _time;
    private readonly DeadlineWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly PollingLoop _loop;

    /// <summary>Creates the worker; normally done by dependency injection.</summary>
    public DeadlineWorker(IComplaintDesk desk, IComplaintStore store, TimeProvider time, IOptions<DeadlineWorkerOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _desk = desk;
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DeadlineWorker>();
        _loop = new PollingLoop(WorkerName, _options.PollInterval, _options.FailureBackoff, time, _logger);
    }

    /// <inheritdoc />
    public WorkerStatus Status => _loop.Status;

    /// <summary>
    /// Claims and processes one batch of due cases; returns how many due rows were claimed. Whatever fails on one case
    /// (data that cannot be used, another worker changing it first, an app policy throwing, a store error confined to
    /// that case) is logged against the case and the batch goes on; a transient store failure (an outage), or a store
    /// error on every case of the batch, is thrown.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimedAt = _time.GetUtcNow();
        var claim = await _store.ClaimDueAsync(claimedAt, _options.BatchSize, _options.Lease, cancellationToken).ConfigureAwait(false);
        foreach (var unreadable in claim.Unreadable)
        {
            Log.DueRowUnreadable(_logger, unreadable.Id, unreadable.Reason);
        }

        ComplaintStoreException? storeFailure = null;
        var storeFailures = 0;
        var reached = 0;
        try
        {
            for (; reached < claim.CaseIds.Count; reached++)
            {
                var caseId = claim.CaseIds[reached];
                try
                {
                    await _desk.RecordDueClocksAsync(caseId, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Whatever one case throws (its data, a race, the app's own policy) is logged against it.
                catch (Exception exception) when (!EndsThePoll(exception, cancellationToken))
#pragma warning restore CA1031
                {
                    // One case must not stop the others' deadlines: the rest of the batch is claimed and would otherwise
                    // wait for the lease, then come back with the same case first.
                    Log.DeadlineFailed(_logger, exception, caseId);
                    if (exception is ComplaintStoreException failure)
                    {
                        (storeFailure, storeFailures) = (failure, storeFailures + 1);
                    }
                }
            }
        }
        finally
        {
            if (reached < claim.CaseIds.Count && cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync([.. claim.CaseIds.Skip(reached)], claimedAt + _options.Lease).ConfigureAwait(false);
            }
        }

        // A store error on every case of the batch is the store's (a missing table, a read-only file), not the cases':
        // the poll fails, so the worker backs off and its status and health check say so.
        if (storeFailure is not null && storeFailures == claim.CaseIds.Count)
        {
            throw storeFailure;
        }

        return claim.CaseIds.Count + claim.Unreadable.Count;
    }

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    // A stopping worker hands back the cases it had not reached (the one it was on included, whose change either saved,
    // and so let go of its claim, or did not), so the next instance records their deadlines at its first poll instead
    // of a lease later. The release is best effort: if it fails, the claims run out with their lease.
    private async Task ReleaseAsync(ComplaintId[] notReached, DateTimeOffset claimedUntil)
    {
        // Bounded: the host waits only so long for a stopping worker, and an unreachable store must not hold it up.
        using var bounded = new CancellationTokenSource(ReleaseTimeout, _time);
        try
        {
            await _store.ReleaseDueAsync(notReached, claimedUntil, bounded.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The poll is ending with the cancellation; a failed or timed-out release must not replace it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DueReleaseFailed(_logger, exception, notReached.Length);
        }
    }

    // An outage of the store, or shutdown, is the poll's failure, not the case's: the loop backs off and tries again.
    private static bool EndsThePoll(Exception exception, CancellationToken cancellationToken) =>
        exception is ComplaintStoreException { IsTransient: true }
        || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _loop.RunAsync(async token => await RunOnceAsync(token).ConfigureAwait(false) >= _options.BatchSize, stoppingToken);
}
