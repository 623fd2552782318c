using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Outbox;

/// <summary>
/// A dispatcher's claim on its cases, kept while it delivers: every third of the lease it asks the store to extend the
/// claim, so a handler slower than <see cref="OutboxOptions.Lease"/> does not let another dispatcher take the case and
/// hand the same event to the same handler again. Once the claim has run out, on any one of its cases, it stays out:
/// when a whole lease passes without a renewal (the store unreachable, or the process stalled), or a renewal extends
/// fewer claims than the cases held (another dispatcher took one after it ran out), nothing more is delivered under it.
/// </summary>
internal sealed class OutboxLease : IAsyncDisposable
{
    private readonly IComplaintStore _store;
    private readonly string _token;
    private readonly int _cases;
    private readonly TimeSpan _length;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private long _endsAtTicks;
    private volatile bool _lost;

    /// <param name="store">The store the claim was made in.</param>
    /// <param name="claim">The claim.</param>
    /// <param name="cases">How many cases the claim holds.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where renewal problems are logged.</param>
    public OutboxLease(IComplaintStore store, OutboxClaim claim, int cases, TimeProvider time, ILogger logger)
    {
        _store = store;
        _token = claim.Token;
        _cases = cases;
        _length = claim.Lease;
        _time = time;
        _logger = logger;
        _endsAtTicks = (claim.Now + claim.Lease).UtcTicks;
        _renewals = RenewUntilStoppedAsync();
    }

    /// <summary>Whether the claim may no longer be this dispatcher's, so nothing more may be delivered under it; once true, always true.</summary>
    public bool HasRunOut
    {
        get
        {
            if (!_lost && _time.GetUtcNow().UtcTicks >= Volatile.Read(ref _endsAtTicks))
            {
                _lost = true;
            }

            return _lost;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            // The loop catches everything, so this never throws; it must end before the dispatcher releases the claim.
            await _renewals.ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    private async Task RenewUntilStoppedAsync()
    {
        // A third, so one renewal can fail (a store blip) and the next still lands before the claim ends.
        var every = _length / 3;
        try
        {
            var tick = Task.Delay(every, _time, _stop.Token);
            while (true)
            {
                await tick.ConfigureAwait(false);

                // The next tick counts from this one, not from when the store answers: a slow renewal does not push
                // the following one back.
                tick = Task.Delay(every, _time, _stop.Token);
                var now = _time.GetUtcNow();
                if (HasRunOut)
                {
                    // Run out is final: a case of it may be another dispatcher's by now.
                    return;
                }

                try
                {
                    // The store extends only claims that have not run out, so none is brought back after another
                    // dispatcher could have taken its case; fewer than the cases held means one was.
                    var until = now + _length;
                    if (await _store.RenewOutboxAsync(_token, now, until, _stop.Token).ConfigureAwait(false) < _cases)
                    {
                        _lost = true;
                        Log.OutboxClaimTaken(_logger, _length);
                        return;
                    }

                    // A renewal that reached the store only after the claim had run out proves nothing: the store
                    // judged it by the time it was sent, and a case may have changed hands in between.
                    if (HasRunOut)
                    {
                        return;
                    }

                    Volatile.Write(ref _endsAtTicks, until.UtcTicks);
                }
#pragma warning disable CA1031 // Whatever stops one renewal (an outage, a timeout), the next is tried; the lease's end still bounds the delivery.
                catch (Exception exception) when (exception is not OperationCanceledException || !_stop.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    // Tried again a third of a lease later; meanwhile the claim ends when the last renewal said.
                    Log.OutboxRenewalFailed(_logger, exception, _length);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The delivery is over; the dispatcher releases the claim next.
        }
#pragma warning disable CA1031 // The app's clock failing to make a timer ends the renewals, not the delivery or its release; the lease then runs out as without them.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.OutboxRenewalFailed(_logger, exception, _length);
        }
    }
}
