namespace ComplaintFlow.Outbox;

/// <summary>
/// A delivery of one outbox entry that did not finish, to be recorded by the store: a failed one, or one cancelled
/// after some of the event's handlers had run (then <see cref="Attempts"/>, <see cref="Error"/> and
/// <see cref="NextAttemptAt"/> are the entry's own, unchanged, and only <see cref="HandledBy"/> is new).
/// </summary>
/// <param name="CaseId">The entry's case.</param>
/// <param name="Sequence">The entry's event number.</param>
/// <param name="Attempts">The number of failed deliveries, this one included if it failed.</param>
/// <param name="Error">What the last failure reported, for operators; <see langword="null"/> when no delivery has failed yet.</param>
/// <param name="NextAttemptAt">When to try again.</param>
/// <param name="Park">Whether to park the entry instead of retrying it.</param>
public sealed record OutboxFailure(ComplaintId CaseId, long Sequence, int Attempts, string? Error, DateTimeOffset NextAttemptAt, bool Park)
{
    /// <summary>
    /// Every handler that has handled the event so far, in earlier attempts or in this one before it stopped, by
    /// name (see <see cref="OutboxEntry.HandledBy"/>); the store keeps it as the entry's <see cref="OutboxEntry.HandledBy"/>.
    /// </summary>
    public IReadOnlyList<string> HandledBy { get; init; } = [];
}
