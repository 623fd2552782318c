namespace ComplaintFlow.Outbox;

/// <summary>A failed delivery of one outbox entry, to be recorded by the store.</summary>
/// <param name="CaseId">The entry's case.</param>
/// <param name="Sequence">The entry's event number.</param>
/// <param name="Attempts">The number of failed deliveries, this one included.</param>
/// <param name="Error">What went wrong, for operators.</param>
/// <param name="NextAttemptAt">When to try again.</param>
/// <param name="Park">Whether to park the entry instead of retrying it.</param>
public sealed record OutboxFailure(ComplaintId CaseId, long Sequence, int Attempts, string Error, DateTimeOffset NextAttemptAt, bool Park)
{
    /// <summary>
    /// Every handler that has handled the event so far, in earlier attempts or in this one before the failure, by
    /// name (see <see cref="OutboxEntry.HandledBy"/>); the store keeps it as the entry's <see cref="OutboxEntry.HandledBy"/>.
    /// </summary>
    public IReadOnlyList<string> HandledBy { get; init; } = [];
}
