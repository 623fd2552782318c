using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Outbox;

/// <summary>
/// A hosted background service that keeps delivering the outbox: retries after failures, events whose after-command
/// delivery was interrupted, and whatever a previous process committed but did not deliver before it stopped. Several
/// instances, in one process or many, may run against one store. Register with <c>AddComplaintFlow().AddOutboxWorker()</c>.
/// </summary>
public sealed class OutboxWorker : BackgroundService
{
    private readonly IComplaintOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the worker; normally done by dependency injection.</summary>
    public OutboxWorker(IComplaintOutbox outbox, TimeProvider time, IOptions<ComplaintFlowOptions> options, ILogger<OutboxWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _time = time;
        _options = options.Value.Outbox;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var idle = true;
            try
            {
                idle = await _outbox.DispatchPendingAsync(stoppingToken).ConfigureAwait(false) == 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store outage must not end the worker; it tries again after the poll interval.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Telemetry.Log.OutboxWorkerFailed(_logger, exception);
            }

            if (idle)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
