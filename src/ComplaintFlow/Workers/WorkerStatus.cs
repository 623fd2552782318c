namespace ComplaintFlow.Workers;

/// <summary>What a hosted worker last did, for health checks and dashboards.</summary>
/// <param name="Name">The worker's name, for example <c>deadline-worker</c>.</param>
/// <param name="PollInterval">How long the worker waits between polls when there is nothing to do.</param>
/// <param name="IsRunning">True between start and stop.</param>
/// <param name="LastPollCompletedAt">When the worker last completed a poll; <see langword="null"/> before its first.</param>
/// <param name="ConsecutiveFailures">How many polls in a row have failed; 0 after a successful one.</param>
/// <param name="BackingOffUntil">While backing off after a failure, when the next poll starts; otherwise <see langword="null"/>.</param>
/// <param name="LastError">The last failure's type and message, kept until a poll succeeds.</param>
public sealed record WorkerStatus(
    string Name,
    TimeSpan PollInterval,
    bool IsRunning,
    DateTimeOffset? LastPollCompletedAt,
    int ConsecutiveFailures,
    DateTimeOffset? BackingOffUntil,
    string? LastError)
{
    /// <summary>True while the worker waits out a back-off after failed polls.</summary>
    public bool IsBackingOff => BackingOffUntil is not null;

    /// <summary>When the worker started its loop, or <see langword="null"/> before it has; a worker that has completed no poll since is judged from then.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
