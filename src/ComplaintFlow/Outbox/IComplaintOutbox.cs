namespace ComplaintFlow.Outbox;

/// <summary>
/// The operator's view of event delivery: deliver what is waiting, list parked events, and re-drive them once the cause
/// is fixed. Resolve it from dependency injection.
/// </summary>
public interface IComplaintOutbox
{
    /// <summary>
    /// Claims cases with due events and delivers them to the handlers in per-case order. Returns how many events were
    /// delivered. The <see cref="OutboxWorker"/> calls this in a loop; call it yourself when you host no worker.
    /// </summary>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists waiting or parked entries.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Un-parks a case's parked entries so they are delivered again from the next dispatch, with their attempts reset.
    /// Returns how many entries were re-driven.
    /// </summary>
    Task<int> RedriveAsync(ComplaintId caseId, CancellationToken cancellationToken = default);
}
