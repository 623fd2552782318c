namespace ComplaintFlow.Outbox;

/// <summary>
/// How events travel from the outbox to the app's <see cref="Events.IComplaintEventHandler"/>s. Set through
/// <see cref="ComplaintFlowOptions.Outbox"/>.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Whether the desk delivers a command's events right after saving it, before returning. Deliveries that fail, or
    /// that a crash interrupts, are retried by the <see cref="OutboxWorker"/>. Default: <see langword="true"/>.
    /// </summary>
    public bool DispatchAfterCommand { get; set; } = true;

    /// <summary>How many failed deliveries park an entry. Default: 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each later failure doubles it. Default: 5 seconds.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts. Default: 10 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a dispatcher's claim on a case's events lasts without renewal. A dispatcher renews it every third of
    /// this while it delivers, so a slow handler keeps the case; a dispatcher that dies, stalls or cannot reach the
    /// store loses it this long after its last renewal. At least one second. Default: 2 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many cases the <see cref="OutboxWorker"/> claims at a time. Default: 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long the <see cref="OutboxWorker"/> waits when it found nothing to deliver. Default: 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How the <see cref="OutboxWorker"/> waits after a poll that failed as a whole (the store is down, say). Handler
    /// failures are retried per entry with <see cref="FirstRetryDelay"/> and <see cref="MaxRetryDelay"/> instead.
    /// </summary>
    public Workers.WorkerBackoff FailureBackoff { get; } = new();

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: doubling from <see cref="FirstRetryDelay"/>, capped.</summary>
    public TimeSpan RetryDelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var delay = FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        return delay >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)delay);
    }
}
