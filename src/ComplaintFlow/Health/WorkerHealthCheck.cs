using ComplaintFlow.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ComplaintFlow.Health;

/// <summary>
/// Each ComplaintFlow worker the host runs is polling: degraded while it backs off after a failed poll, unhealthy when
/// it has not completed a poll for the configured number of intervals or is not running.
/// </summary>
internal sealed class WorkerHealthCheck(IEnumerable<IHostedService> hostedServices, TimeProvider time, ComplaintFlowHealthCheckOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var statuses = hostedServices.OfType<IComplaintFlowWorker>().Select(w => w.Status).ToList();
        var data = new Dictionary<string, object>();
        var worst = HealthStatus.Healthy;
        var problems = new List<string>();
        foreach (var status in statuses)
        {
            var (health, problem) = Judge(status, now);
            data[status.Name] = problem ?? "polling";
            if (problem is not null)
            {
                problems.Add($"{status.Name} {problem}");
            }

            worst = health < worst ? health : worst;
        }

        var description = statuses.Count == 0
            ? "No ComplaintFlow worker is hosted."
            : problems.Count == 0 ? $"{string.Join(" and ", statuses.Select(s => s.Name))} polling." : string.Join("; ", problems) + ".";
        return Task.FromResult(new HealthCheckResult(worst, description, data: data));
    }

    private (HealthStatus Health, string? Problem) Judge(WorkerStatus status, DateTimeOffset now)
    {
        if (!status.IsRunning)
        {
            return (HealthStatus.Unhealthy, "is not running");
        }

        var stale = TimeSpan.FromTicks((long)(status.PollInterval.Ticks * options.WorkerStaleAfterIntervals));
        // A worker that has completed no poll and has failed is unhealthy at once (the store was down at start-up); one
        // that has failed nothing is judged from when it started, as its first poll may be the one stuck.
        if ((status.LastPollCompletedAt is null && status.ConsecutiveFailures > 0)
            || ((status.LastPollCompletedAt ?? status.StartedAt) is { } last && now - last > stale))
        {
            var since = status.LastPollCompletedAt is { } at ? $"since {at:O}" : "since it started";
            return (HealthStatus.Unhealthy, $"has completed no poll {since} ({status.ConsecutiveFailures} failed; last: {status.LastError ?? "none"})");
        }

        return status.IsBackingOff
            ? (HealthStatus.Degraded, $"is backing off after {status.ConsecutiveFailures} failed poll(s) until {status.BackingOffUntil:O} (last: {status.LastError})")
            : (HealthStatus.Healthy, null);
    }
}
