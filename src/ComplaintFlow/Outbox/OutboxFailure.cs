namespace ComplaintFlow.Outbox;

/// <summary>A failed delivery of one outbox entry, to be recorded by the store.</summary>
/// <param name="CaseId">The entry's case.</param>
/// <param name="Sequence">The entry's event number.</param>
/// <param name="Attempts">The number of failed deliveries, this one included.</param>
/// <param name="Error">What went wrong, for operators.</param>
/// <param name="NextAttemptAt">When to try again.</param>
/// <param name="Park">Whether to park the entry instead of retrying it.</param>
public sealed record OutboxFailure(ComplaintId CaseId, long Sequence, int Attempts, string Error, DateTimeOffset NextAttemptAt, bool Park);
