namespace ComplaintFlow.Workers;

/// <summary>
/// How a hosted worker waits after a failed poll: the first wait, doubled after each further failure up to a cap, with
/// random jitter so several instances that failed together do not retry in step. A successful poll resets it.
/// </summary>
public sealed class WorkerBackoff
{
    /// <summary>The wait after the first failed poll. Default: 1 second.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed polls. Default: 5 minutes.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How much of each wait is random, from 0 (none) to 1: a wait of <c>d</c> becomes a random time between
    /// <c>d × (1 - Jitter)</c> and <c>d</c>. Default: 0.2.
    /// </summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>The wait after <paramref name="failures"/> failed polls in a row, before jitter.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var ticks = FirstDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    internal IEnumerable<string> Validate(string owner)
    {
        foreach (var failure in WaitLimits.Check($"{owner}.FailureBackoff.FirstDelay", FirstDelay, WaitLimits.MaxWait))
        {
            yield return failure;
        }

        if (MaxDelay < FirstDelay || MaxDelay > WaitLimits.MaxWait)
        {
            yield return $"{owner}.FailureBackoff.MaxDelay is {MaxDelay}; it must be at least FirstDelay ({FirstDelay}) and at most {WaitLimits.MaxWait}.";
        }

        if (double.IsNaN(Jitter) || Jitter is < 0 or > 1)
        {
            yield return $"{owner}.FailureBackoff.Jitter is {Jitter}; use a share from 0 to 1, such as 0.2.";
        }
    }
}
