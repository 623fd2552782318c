using ComplaintFlow.Workers;

namespace ComplaintFlow.Outbox;

/// <summary>Fix-it messages for outbox settings that cannot work.</summary>
internal static class OutboxOptionsValidation
{
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
