using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Time;

/// <summary>
/// A hosted background service that, every poll, claims the cases whose next clock warning or deadline has come,
/// records the warnings and breaches once, and lets the escalation policies react. Several instances, in one process
/// or many, may run against one store. Register with <c>AddComplaintFlow().AddDeadlineWorker()</c>.
/// </summary>
public sealed class DeadlineWorker : BackgroundService
{
    private readonly IComplaintDesk _desk;
    private readonly IComplaintStore _store;
    private readonly TimeProvider _time;
    private readonly DeadlineWorkerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the worker; normally done by dependency injection.</summary>
    public DeadlineWorker(IComplaintDesk desk, IComplaintStore store, TimeProvider time, IOptions<DeadlineWorkerOptions> options, ILogger<DeadlineWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _desk = desk;
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Claims and processes one batch of due cases; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var due = await _store.ClaimDueAsync(_time.GetUtcNow(), _options.BatchSize, _options.Lease, cancellationToken).ConfigureAwait(false);
        foreach (var caseId in due)
        {
            try
            {
                await _desk.RecordDueClocksAsync(caseId, cancellationToken).ConfigureAwait(false);
            }
            catch (ComplaintFlowException exception)
            {
                // One unreadable or contested case must not stop the others' deadlines.
                Log.DeadlineFailed(_logger, exception, caseId);
            }
        }

        return due.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken).ConfigureAwait(false) >= _options.BatchSize)
                {
                    continue;
                }

                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
