using ComplaintFlow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintFlow.Health;

/// <summary>Events reach the app's handlers: degraded when too many are parked or the oldest waits too long.</summary>
internal sealed class OutboxHealthCheck(IComplaintStore store, TimeProvider time, ComplaintFlowHealthCheckOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Outbox.OutboxStatistics statistics;
        try
        {
            statistics = await store.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintStoreException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }

        var age = statistics.OldestWaitingSince is { } since ? time.GetUtcNow() - since : TimeSpan.Zero;
        var data = new Dictionary<string, object> { ["waiting"] = statistics.Waiting, ["parked"] = statistics.Parked, ["oldestAgeSeconds"] = Math.Round(age.TotalSeconds) };
        var problems = new List<string>();
        if (statistics.Parked > options.MaxParkedEvents)
        {
            problems.Add($"{statistics.Parked} event(s) are parked (more than {options.MaxParkedEvents}); fix the failing handler and re-drive them");
        }

        if (age > options.MaxUndeliveredAge)
        {
            problems.Add($"the oldest undelivered event has waited {age} (more than {options.MaxUndeliveredAge})");
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{statistics.Waiting} event(s) waiting, none parked beyond the threshold.", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
    }
}
