namespace ComplaintFlow.Events;

/// <summary>
/// The app's reaction to what happened on a case: telling the customer, issuing a refund, updating a CRM. Handlers
/// run after the change is committed, never inside it, so a slow or failing handler cannot lose or block a change.
/// Events reach handlers through the outbox: at least once, in each case's order; when a handler throws, the event is
/// delivered again after a growing delay to every handler, those that had handled it included, so make handlers
/// idempotent (the case id and <see cref="ComplaintEvent.Sequence"/> identify an event). Register with <c>AddComplaintFlow().AddEventHandler&lt;T&gt;()</c>.
/// </summary>
public interface IComplaintEventHandler
{
    /// <summary>
    /// Handles one event. <paramref name="complaint"/> is the case as stored when the event is delivered; after a retry
    /// or a restart it may already include later events.
    /// </summary>
    ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken);
}
