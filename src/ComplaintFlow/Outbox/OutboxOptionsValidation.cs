using ComplaintFlow.Workers;

namespace ComplaintFlow.Outbox;

/// <summary>Fix-it messages for outbox settings that cannot work.</summary>
internal static class OutboxOptionsValidation
{
    /// <summary>The shortest outbox lease allowed.</summary>
    public static readonly TimeSpan MinLease = TimeSpan.FromSeconds(1);

    public static IEnumerable<string> Check(OutboxOptions options)
    {
        if (options.MaxAttempts < 1)
        {
            yield return $"Outbox.MaxAttempts is {options.MaxAttempts}; it must be 1 or more.";
        }

        foreach (var failure in WaitLimits.Check("Outbox.FirstRetryDelay", options.FirstRetryDelay, WaitLimits.MaxStoredWait))
        {
            yield return failure;
        }

        if (options.MaxRetryDelay < options.FirstRetryDelay || options.MaxRetryDelay > WaitLimits.MaxStoredWait)
        {
            yield return $"Outbox.MaxRetryDelay is {options.MaxRetryDelay}; it must be at least FirstRetryDelay ({options.FirstRetryDelay}) and at most {WaitLimits.MaxStoredWait}.";
        }

        foreach (var failure in WaitLimits.Check("Outbox.Lease", options.Lease, WaitLimits.MaxWait))
        {
            yield return failure;
        }

        // A dispatcher renews its claim every third of the lease; below a second, a renewal could not be relied on to
        // land before the claim ran out.
        if (options.Lease > TimeSpan.Zero && options.Lease < MinLease)
        {
            yield return $"Outbox.Lease is {options.Lease}; it must be at least {MinLease}, as a dispatcher renews its claim every third of it.";
        }

        if (options.BatchSize < 1)
        {
            yield return $"Outbox.BatchSize is {options.BatchSize}; it must be 1 or more.";
        }

        foreach (var failure in WaitLimits.Check("Outbox.PollInterval", options.PollInterval, WaitLimits.MaxWait))
        {
            yield return failure;
        }

        foreach (var failure in options.FailureBackoff.Validate("Outbox"))
        {
            yield return failure;
        }
    }
}
