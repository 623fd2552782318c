using ComplaintFlow.Health;
using ComplaintFlow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ComplaintFlow's health checks with <c>services.AddHealthChecks()</c>.</summary>
public static class ComplaintFlowHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds three checks, named <c>{name}-store</c>, <c>{name}-workers</c> and <c>{name}-outbox</c>: the store answers
    /// and its schema is current (else unhealthy); every hosted ComplaintFlow worker is polling (degraded while backing
    /// off, unhealthy when it has completed no poll for <see cref="ComplaintFlowHealthCheckOptions.WorkerStaleAfterIntervals"/>
    /// intervals); the outbox has no more parked events than allowed and nothing waiting too long (else degraded).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Optional changes to the thresholds; checked now, with a message naming any bad setting.</param>
    /// <param name="name">The prefix of the checks' names. Default: <c>complaintflow</c>.</param>
    /// <param name="tags">Tags for all three checks, for filtering endpoints such as <c>/health/ready</c>.</param>
    /// <exception cref="ArgumentException">A threshold is out of range.</exception>
    public static IHealthChecksBuilder AddComplaintFlow(
        this IHealthChecksBuilder builder, Action<ComplaintFlowHealthCheckOptions>? configure = null, string name = "complaintflow", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = new ComplaintFlowHealthCheckOptions();
        configure?.Invoke(options);
        var failures = options.Validate().ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException("ComplaintFlow health checks: " + string.Join(" ", failures), nameof(configure));
        }

        string[] tagList = [.. tags ?? []];
        builder.Add(new HealthCheckRegistration($"{name}-store", sp => new StoreHealthCheck(sp.GetRequiredService<IComplaintStore>()), HealthStatus.Unhealthy, tagList));
        builder.Add(new HealthCheckRegistration(
            $"{name}-workers",
            sp => new WorkerHealthCheck(sp.GetServices<IHostedService>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, options),
            HealthStatus.Unhealthy,
            tagList));
        builder.Add(new HealthCheckRegistration(
            $"{name}-outbox",
            sp => new OutboxHealthCheck(sp.GetRequiredService<IComplaintStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, options),
            HealthStatus.Degraded,
            tagList));
        return builder;
    }
}
