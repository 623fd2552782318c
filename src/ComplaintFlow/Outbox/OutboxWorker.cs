using ComplaintFlow.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Outbox;

/// <summary>
/// A hosted background service that keeps delivering the outbox: retries after failures, events whose after-command
/// delivery was interrupted, and whatever a previous process committed but did not deliver before it stopped. Several
/// instances, in one process or many, may run against one store. A failed poll is logged and counted, and the worker
/// backs off and tries again. Register with <c>AddComplaintFlow().AddOutboxWorker()</c>.
/// </summary>
public sealed class OutboxWorker : BackgroundService, IComplaintFlowWorker
{
    /// <summary>The name the worker reports in logs, metrics and health checks.</summary>
    public const string WorkerName = "outbox-worker";

    private readonly IComplaintOutbox _outbox;
    private readonly PollingLoop _loop;

    /// <summary>Creates the worker; normally done by dependency injection.</summary>
    public OutboxWorker(IComplaintOutbox outbox, TimeProvider time, IOptions<ComplaintFlowOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        var settings = options.Value.Outbox;
        _loop = new PollingLoop(WorkerName, settings.PollInterval, settings.FailureBackoff, time, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OutboxWorker>());
    }

    /// <inheritdoc />
    public WorkerStatus Status => _loop.Status;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _loop.RunAsync(async token => await _outbox.DispatchPendingAsync(token).ConfigureAwait(false) > 0, stoppingToken);
}
