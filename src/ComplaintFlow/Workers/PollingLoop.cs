using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Workers;

/// <summary>
/// The one loop both hosted workers run: poll; on success wait the interval (or go again at once when the poll says
/// there is more); on any failure log it, count it, and back off exponentially with jitter. It ends only when the host
/// stops it, so a store outage can never stop the host or leave a worker silently dead.
/// </summary>
internal sealed class PollingLoop(string name, TimeSpan pollInterval, WorkerBackoff backoff, TimeProvider time, ILogger logger)
{
    private volatile WorkerStatus _status = new(name, pollInterval, false, null, 0, null, null);

    public WorkerStatus Status => _status;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled. <paramref name="poll"/> returns true when more work is waiting.</summary>
    public async Task RunAsync(Func<CancellationToken, Task<bool>> poll, CancellationToken stoppingToken)
    {
        _status = _status with { IsRunning = true, StartedAt = time.GetUtcNow() };
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    var more = await poll(stoppingToken).ConfigureAwait(false);
                    _status = _status with { LastPollCompletedAt = time.GetUtcNow(), ConsecutiveFailures = 0, BackingOffUntil = null, LastError = null };
                    if (more)
                    {
                        continue;
                    }

                    wait = pollInterval;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Whatever failed, the worker must live on: it logs, counts and backs off instead.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    var failures = _status.ConsecutiveFailures + 1;
                    wait = Jittered(backoff.DelayAfter(failures));
                    var until = time.GetUtcNow() + wait;
                    _status = _status with { ConsecutiveFailures = failures, BackingOffUntil = until, LastError = $"{exception.GetType().Name}: {exception.Message}" };
                    ComplaintFlowTelemetry.WorkerPollFailed(name);
                    Log.WorkerPollFailed(logger, exception, name, failures, until);
                }

                try
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            _status = _status with { IsRunning = false };
        }
    }

    private TimeSpan Jittered(TimeSpan delay) =>
        backoff.Jitter == 0 ? delay : TimeSpan.FromTicks((long)(delay.Ticks * (1 - (backoff.Jitter * Random.Shared.NextDouble()))));
}
