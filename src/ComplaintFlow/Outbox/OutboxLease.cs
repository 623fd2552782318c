using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Outbox;

/// <summary>
/// A dispatcher's claim on its cases, kept while it delivers: every third of the lease it asks the store to extend the
/// claim, so a handler slower than <see cref="OutboxOptions.Lease"/> does not let another dispatcher take the case and
/// hand the same event to the same handler again. The claim has run out once the store says another claim took it,
/// or when a whole lease passes without a renewal (the store unreachable, or the process stalled).
/// </summary>
internal sealed class OutboxLease : IAsyncDisposable
{
    private readonly IComplaintStore _store;
    private readonly string _token;
    private readonly TimeSpan _length;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private long _endsAtTicks;
    private volatile bool _taken;

    public OutboxLease(IComplaintStore store, OutboxClaim claim, TimeProvider time, ILogger logger)
    {
        _store = store;
        _token = claim.Token;
        _length = claim.Lease;
        _time = time;
        _logger = logger;
        _endsAtTicks = (claim.Now + claim.Lease).UtcTicks;
        _renewals = RenewUntilStoppedAsync();
    }

    /// <summary>Whether the claim may no longer be this dispatcher's, so nothing more may be delivered under it.</summary>
    public bool HasRunOut => _taken || _time.GetUtcNow().UtcTicks >= Volatile.Read(ref _endsAtTicks);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewUntilStoppedAsync()
    {
        // A third, so one renewal can fail (a store blip) and the next still lands before the claim ends; never more
        // often than every 10 ms, however short a lease is configured.
        var every = TimeSpan.FromTicks(Math.Max(_length.Ticks / 3, TimeSpan.TicksPerMillisecond * 10));
        try
        {
            var tick = Task.Delay(every, _time, _stop.Token);
            while (true)
            {
                await tick.ConfigureAwait(false);

                // The next tick counts from this one, not from when the store answers: a slow renewal does not push
                // the following one back.
                tick = Task.Delay(every, _time, _stop.Token);
                var until = _time.GetUtcNow() + _length;
                try
                {
                    if (!await _store.RenewOutboxAsync(_token, until, _stop.Token).ConfigureAwait(false))
                    {
                        _taken = true;
                        Log.OutboxClaimTaken(_logger, _length);
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
