namespace ComplaintFlow.Time;

/// <summary>Settings for the <see cref="DeadlineWorker"/>.</summary>
public sealed class DeadlineWorkerOptions
{
    /// <summary>How long the worker waits when it found less than a full batch. Default: 30 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due cases it claims at a time. Default: 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim keeps other workers off a case. Default: 2 minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
