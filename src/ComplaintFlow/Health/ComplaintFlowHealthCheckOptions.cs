namespace ComplaintFlow.Health;

/// <summary>Thresholds of ComplaintFlow's health checks (see <c>AddHealthChecks().AddComplaintFlow()</c>).</summary>
public sealed class ComplaintFlowHealthCheckOptions
{
    /// <summary>
    /// A hosted worker that has not completed a poll within this many of its poll intervals is unhealthy; one that is
    /// backing off after a failed poll is degraded before that. Default: 3.
    /// </summary>
    public double WorkerStaleAfterIntervals { get; set; } = 3;

    /// <summary>More parked outbox events than this makes the outbox check degraded. Default: 0 (any parked event).</summary>
    public int MaxParkedEvents { get; set; }

    /// <summary>An undelivered event older than this makes the outbox check degraded. Default: 5 minutes.</summary>
    public TimeSpan MaxUndeliveredAge { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Validate()
    {
        if (double.IsNaN(WorkerStaleAfterIntervals) || WorkerStaleAfterIntervals < 1)
        {
            yield return $"WorkerStaleAfterIntervals is {WorkerStaleAfterIntervals}; it must be 1 or more (a worker needs at least one interval to poll).";
        }

        if (MaxParkedEvents < 0)
        {
            yield return $"MaxParkedEvents is {MaxParkedEvents}; it must be 0 or more.";
        }

        if (MaxUndeliveredAge <= TimeSpan.Zero)
        {
            yield return $"MaxUndeliveredAge is {MaxUndeliveredAge}; it must be positive.";
        }
    }
}
