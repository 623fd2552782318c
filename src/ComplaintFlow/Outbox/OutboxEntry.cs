using ComplaintFlow.Events;

namespace ComplaintFlow.Outbox;

/// <summary>
/// An event waiting in the outbox to reach the app's handlers. It was written in the same transaction as the change
/// that raised it, so it exists exactly when the change does.
/// </summary>
/// <param name="Event">The event to deliver.</param>
/// <param name="Attempts">How many deliveries have failed so far.</param>
/// <param name="NextAttemptAt">The earliest time the next delivery may start.</param>
/// <param name="LastError">What the last failed delivery reported, or <see langword="null"/>.</param>
/// <param name="IsParked">
/// <see langword="true"/> once the entry has failed <see cref="OutboxOptions.MaxAttempts"/> times. A parked entry is kept,
/// and holds back the later events of its case to keep their order, until it is re-driven.
/// </param>
public sealed record OutboxEntry(ComplaintEvent Event, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, bool IsParked)
{
    /// <summary>The case the event belongs to.</summary>
    public ComplaintId CaseId => Event.CaseId;

    /// <summary>The event's number within its case.</summary>
    public long Sequence => Event.Sequence;
}
