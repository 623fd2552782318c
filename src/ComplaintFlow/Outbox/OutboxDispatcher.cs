using ComplaintFlow.Events;
using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Outbox;

/// <summary>
/// Delivers outbox entries to the app's handlers: claims cases, hands each case's events over in sequence order, removes
/// what was delivered and records failures with a growing delay, parking an entry after the configured attempts. A
/// failure stops that case's delivery for this round, so no later event overtakes it.
/// </summary>
internal sealed class OutboxDispatcher : IComplaintOutbox
{
    // After-command deliveries of one case take turns in this process. Without that, a command whose delivery found
    // the case claimed by another command's delivery (which had read the outbox before this command committed) would
    // leave its events for the worker; taking turns, the second delivery claims the case after the first releases it.
    // Turns are per case: a slow handler on one case holds back no command on another.
    private readonly CaseTurns _caseTurns = new();

    private readonly IComplaintStore _store;
    private readonly IComplaintEventHandler[] _handlers;
    private readonly string[] _handlerNames;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;

    public OutboxDispatcher(IComplaintStore store, IEnumerable<IComplaintEventHandler> handlers, TimeProvider time, IOptions<ComplaintFlowOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _store = store;
        _handlers = [.. handlers];
        _handlerNames = NamesOf(_handlers);
        _time = time;
        _options = options.Value.Outbox;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OutboxDispatcher>();
    }

    /// <summary>Whether any handler is registered; without one, events need not enter the outbox.</summary>
    public bool HasHandlers => _handlers.Length > 0;

    public Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default) => DispatchAsync(null, _options.BatchSize, cancellationToken);

    /// <summary>
    /// Delivers one case's waiting events, after any other delivery of the same case in this process. Another process,
    /// or the worker, holding the case leaves them to its next round.
    /// </summary>
    public async Task<int> DispatchCaseAsync(ComplaintId caseId, CancellationToken cancellationToken)
    {
        using var turn = await _caseTurns.TakeAsync(caseId, cancellationToken).ConfigureAwait(false);
        return await DispatchAsync(caseId, 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Delivers a case's events straight after the command that saved them. Never fails the command: its change is
    /// committed and its events wait in the outbox, so a delivery problem is logged and left to the worker.
    /// </summary>
    public async ValueTask DispatchAfterCommandAsync(ComplaintId caseId, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away after the change was saved: the outbox worker delivers the rest, and nothing failed.
            Log.DispatchAfterCommandCancelled(_logger, caseId);
        }
#pragma warning disable CA1031 // The change is committed and its events are in the outbox; reporting a delivery problem as the command's failure would invite a retry.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DispatchAfterCommandFailed(_logger, exception, caseId);
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxQuery query, CancellationToken cancellationToken = default) =>
        await _store.ListOutboxAsync(query, cancellationToken).ConfigureAwait(false);

    public async Task<int> RedriveAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        var count = await _store.RedriveOutboxAsync(caseId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (count > 0)
        {
            Log.OutboxRedriven(_logger, caseId, count);
        }

        return count;
    }

    private async Task<int> DispatchAsync(ComplaintId? caseId, int maxCases, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var claim = new OutboxClaim(Guid.NewGuid().ToString("N"), now, _options.Lease, maxCases, caseId);
        var entries = await _store.ClaimOutboxAsync(claim, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return 0;
        }

        var delivered = 0;
        var lease = new OutboxLease(_store, claim, entries.DistinctBy(e => e.CaseId).Count(), _time, _logger);
        try
        {
            foreach (var caseEntries in entries.GroupBy(e => e.CaseId))
            {
                if (lease.HasRunOut)
                {
                    // The cases not reached are no longer this dispatcher's: another may hold them now, and delivering
                    // from this stale list would overtake or repeat its deliveries.
                    Log.OutboxLeaseRanOut(_logger, caseEntries.Key, _options.Lease);
                    break;
                }

                delivered += await DeliverCaseAsync(caseEntries.Key, [.. caseEntries.OrderBy(e => e.Sequence)], now, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Renewals end before the release, so none can outlive it. Released even when cancelled (or when ending
            // the renewals failed), so the next dispatcher need not wait for the lease to run out.
            try
            {
                await lease.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await _store.ReleaseOutboxAsync(claim.Token, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return delivered;
    }

    private async Task<int> DeliverCaseAsync(ComplaintId caseId, OutboxEntry[] entries, DateTimeOffset now, OutboxLease lease, CancellationToken cancellationToken)
    {
        ComplaintCase complaint;
        try
        {
            complaint = await _store.FindAsync(caseId, cancellationToken).ConfigureAwait(false)
                ?? throw new ComplaintNotFoundException(caseId);
        }
        catch (Exception exception) when (exception is ComplaintDataException or ComplaintNotFoundException)
        {
            // Handlers are promised the case with each event; without it the entry waits, visibly, like any failure.
            await FailAsync(entries[0], null, exception, entries[0].HandledBy).ConfigureAwait(false);
            return 0;
        }

        // Delivered entries are removed together, once per case: one write instead of one per event. A crash before that
        // write delivers them again, which at-least-once allows.
        var delivered = 0;
        try
        {
            foreach (var entry in entries)
            {
                if (entry.IsParked || entry.NextAttemptAt > now)
                {
                    break;
                }

                if (lease.HasRunOut)
                {
                    Log.OutboxLeaseRanOut(_logger, caseId, _options.Lease);
                    break;
                }

                var handler = await DeliverAsync(entry, complaint, lease, cancellationToken).ConfigureAwait(false);
                if (handler.Failure is { } failure)
                {
                    await FailAsync(entry, handler.Name, failure, handler.HandledBy).ConfigureAwait(false);
                    break;
                }

                delivered++;
            }
        }
        finally
        {
            if (delivered > 0)
            {
                await _store.CompleteOutboxAsync(caseId, entries[delivered - 1].Sequence, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return delivered;
    }

    // A handler that handled the event in an earlier attempt is passed over: the failure of a later handler must not make
    // an earlier one (a mail sender, a CRM call) act on the same event twice.
    private async Task<(string? Name, Exception? Failure, IReadOnlyList<string> HandledBy)> DeliverAsync(OutboxEntry entry, ComplaintCase complaint, OutboxLease lease, CancellationToken cancellationToken)
    {
        List<string>? handledNow = null;
        IReadOnlyList<string> HandledSoFar() => handledNow is null ? entry.HandledBy : [.. entry.HandledBy, .. handledNow];
        for (var i = 0; i < _handlers.Length; i++)
        {
            var name = _handlerNames[i];
            if (entry.HandledBy.Contains(name))
            {
                continue;
            }

            var handler = _handlers[i];
            try
            {
                await handler.HandleAsync(entry.Event!, complaint, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Not a failure, but the handlers that ran are kept: an aborted request or a stopping host must not make
                // them act on the event again at the next delivery. The attempt count and the due time stay as they were.
                // Past the lease the case may be another dispatcher's, whose record this must not overwrite.
                if (handledNow is not null && !lease.HasRunOut)
                {
                    await KeepHandledAsync(entry, HandledSoFar()).ConfigureAwait(false);
                }

                throw;
            }
#pragma warning disable CA1031 // Any handler failure is recorded against the entry and retried; none may escape.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return (handler.GetType().Name, exception, HandledSoFar());
            }

            (handledNow ??= []).Add(name);
        }

        return (null, null, entry.HandledBy);
    }

    private async Task KeepHandledAsync(OutboxEntry entry, IReadOnlyList<string> handledBy)
    {
        try
        {
            var progress = new OutboxFailure(entry.CaseId, entry.Sequence, entry.Attempts, entry.LastError, entry.NextAttemptAt, Park: false)
            {
                HandledBy = handledBy,
            };
            await _store.FailOutboxAsync(progress, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever stops the record (an outage, a store disposed as the host stops), the caller hears of the cancellation.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // Those handlers get the event again, as at-least-once allows.
            Log.OutboxProgressLost(_logger, exception, entry.CaseId, entry.Sequence);
        }
    }

    /// <summary>
    /// A name per handler that stays the same across restarts and instances: the type's name with its namespace (as
    /// <see cref="Type.ToString"/> writes it), and for a second or later handler of the same type that name followed by
    /// <c>#2</c>, <c>#3</c>, in registration order.
    /// </summary>
    private static string[] NamesOf(IComplaintEventHandler[] handlers)
    {
        var names = new string[handlers.Length];
        var seen = new Dictionary<Type, int>();
        for (var i = 0; i < handlers.Length; i++)
        {
            var type = handlers[i].GetType();
            var count = seen[type] = seen.GetValueOrDefault(type) + 1;
            // ToString, not FullName: a generic handler's FullName carries its arguments' assembly versions, which change with a deploy.
            var name = type.ToString();
            names[i] = count == 1 ? name : $"{name}#{count}";
        }

        return names;
    }

    private async Task FailAsync(OutboxEntry entry, string? handler, Exception exception, IReadOnlyList<string> handledBy)
    {
        // The delay counts from the failure, not from the claim: a slow handler, or a case late in a batch, would
        // otherwise fail with its next attempt already due.
        var now = _time.GetUtcNow();
        var attempts = entry.Attempts + 1;
        var park = attempts >= _options.MaxAttempts;
        var nextAttemptAt = park ? now : now + _options.RetryDelayAfter(attempts);
        var error = OutboxErrorText.Of(handler, exception);
        // Recorded even when the host is stopping, as completions are: otherwise the next start retries at once.
        await _store.FailOutboxAsync(new OutboxFailure(entry.CaseId, entry.Sequence, attempts, error, nextAttemptAt, park) { HandledBy = handledBy }, CancellationToken.None).ConfigureAwait(false);
        if (park)
        {
            Log.OutboxParked(_logger, exception, handler ?? "(none)", entry.CaseId, entry.Sequence, attempts);
        }
        else
        {
            Log.HandlerFailed(_logger, exception, handler ?? "(none)", entry.CaseId, entry.Sequence, entry.Event?.Data.GetType().Name ?? "unreadable", attempts, nextAttemptAt);
        }
    }
}
