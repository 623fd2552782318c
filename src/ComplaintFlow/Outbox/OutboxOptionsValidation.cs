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

        if (options.FirstRetryDelay <= TimeSpan.Zero)
        {
            yield return $"Outbox.FirstRetryDelay is {options.FirstRetryDelay}; it must be positive.";
        }

        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            yield return $"Outbox.MaxRetryDelay is {options.MaxRetryDelay}, shorter than FirstRetryDelay ({options.FirstRetryDelay}).";
        }

        if (options.Lease <= TimeSpan.Zero)
        {
            yield return $"Outbox.Lease is {options.Lease}; it must be positive.";
        }

        if (options.BatchSize < 1)
        {
            yield return $"Outbox.BatchSize is {options.BatchSize}; it must be 1 or more.";
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            yield return $"Outbox.PollInterval is {options.PollInterval}; it must be positive.";
        }

        foreach (var failure in options.FailureBackoff.Validate("Outbox"))
        {
            yield return failure;
        }
    }
}
