using ComplaintFlow.Events;

namespace ComplaintFlow.Outbox;

/// <summary>
/// An event waiting in the outbox to reach the app's handlers. It was written in the same transaction as the change
/// that raised it, so it exists exactly when the change does.
/// </summary>
/// <param name="CaseId">The case the event belongs to.</param>
/// <param name="Sequence">The event's number within its case.</param>
/// <param name="Event">
/// The event to deliver; <see langword="null"/> only in listings, when the stored event cannot be read (see
/// <see cref="ReadError"/>). Such an event is parked at its first delivery and holds back its case's later events.
/// </param>
/// <param name="Attempts">How many deliveries have failed so far.</param>
/// <param name="NextAttemptAt">The earliest time the next delivery may start.</param>
/// <param name="LastError">What the last failed delivery reported, or <see langword="null"/>.</param>
/// <param name="IsParked">
/// <see langword="true"/> once the entry has failed <see cref="OutboxOptions.MaxAttempts"/> times, or at once when its
/// event cannot be read. A parked entry is kept, and holds back the later events of its case to keep their order,
/// until it is re-driven.
/// </param>
public sealed record OutboxEntry(ComplaintId CaseId, long Sequence, ComplaintEvent? Event, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, bool IsParked)
{
    /// <summary>Why the stored event cannot be read, when <see cref="Event"/> is <see langword="null"/>.</summary>
    public string? ReadError { get; init; }

    /// <summary>
    /// The handlers that have already handled this event in an attempt that failed at a later handler, by
    /// name (the handler type's name with its namespace, as <see cref="Type.ToString"/> writes it; a second handler of the same type is that name followed by <c>#2</c>, and so on). A retry delivers the event only to the others, so a handler that succeeded
    /// is not given the same event again because another failed. Empty until such an attempt; a store that does not keep
    /// it delivers to every handler again, which at-least-once delivery still allows.
    /// </summary>
    public IReadOnlyList<string> HandledBy { get; init; } = [];
}
