using ComplaintFlow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintFlow.Health;

/// <summary>The store answers and its schema is the one this library writes.</summary>
internal sealed class StoreHealthCheck(IComplaintStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["store"] = health.Store };
            if (health.SchemaVersion is { } version)
            {
                data["schemaVersion"] = version;
            }

            return health.SchemaIsCurrent
                ? HealthCheckResult.Healthy($"The {health.Store} store answers; its schema is current.", data)
                : HealthCheckResult.Unhealthy($"The {health.Store} store holds schema version {health.SchemaVersion}, but this library writes {health.ExpectedSchemaVersion}.", data: data);
        }
        catch (ComplaintStoreException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception, new Dictionary<string, object> { ["store"] = exception.Store, ["transient"] = exception.IsTransient });
        }
    }
}
