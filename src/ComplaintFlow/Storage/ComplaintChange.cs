using ComplaintFlow.Events;

namespace ComplaintFlow.Storage;

/// <summary>One command's effect, to be stored atomically.</summary>
/// <param name="Case">The new snapshot; its <see cref="ComplaintCase.Version"/> equals the sequence of the last event.</param>
/// <param name="ExpectedVersion">The version the command read; 0 for a new case.</param>
/// <param name="Events">The new events, numbered on from <paramref name="ExpectedVersion"/>.</param>
/// <param name="Idempotency">The idempotency record to store with the change, when the command carried a key.</param>
public sealed record ComplaintChange(ComplaintCase Case, long ExpectedVersion, IReadOnlyList<ComplaintEvent> Events, IdempotencyRecord? Idempotency)
{
    /// <summary>
    /// Whether to put the new events in the outbox, in the same transaction, for delivery to the app's handlers.
    /// The desk sets it when at least one handler is registered.
    /// </summary>
    public bool EnqueueForDispatch { get; init; }

    /// <summary>The report rows this change writes, for stores that keep them (see <see cref="IComplaintStore.Reports"/>).</summary>
    internal Reports.CaseReportUpdate? Report { get; init; }
}
