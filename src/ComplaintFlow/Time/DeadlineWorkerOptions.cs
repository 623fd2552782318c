using ComplaintFlow.Workers;

namespace ComplaintFlow.Time;

/// <summary>Settings for the <see cref="DeadlineWorker"/>, validated when the app starts.</summary>
public sealed class DeadlineWorkerOptions
{
    /// <summary>How long the worker waits when it found less than a full batch. Default: 30 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due cases it claims at a time. Default: 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim keeps other workers off a case. Default: 2 minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How the worker waits after a failed poll before trying again.</summary>
    public WorkerBackoff FailureBackoff { get; } = new();

    internal IEnumerable<string> Validate()
    {
        foreach (var failure in Workers.WaitLimits.Check("DeadlineWorkerOptions.PollInterval", PollInterval, Workers.WaitLimits.MaxWait))
        {
            yield return failure;
        }

        if (BatchSize < 1)
        {
            yield return $"DeadlineWorkerOptions.BatchSize is {BatchSize}; it must be 1 or more.";
        }

        foreach (var failure in Workers.WaitLimits.Check("DeadlineWorkerOptions.Lease", Lease, Workers.WaitLimits.MaxWait))
        {
            yield return failure;
        }

        foreach (var failure in FailureBackoff.Validate("DeadlineWorkerOptions"))
        {
            yield return failure;
        }
    }
}
