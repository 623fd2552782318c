namespace ComplaintFlow.Events;

/// <summary>
/// The app's reaction to what happened on a case: telling the customer, issuing a refund, updating a CRM. Handlers run
/// after the change is saved, never inside it, so a slow or failing handler cannot lose or block a change.
/// </summary>
public interface IComplaintEventHandler
{
    /// <summary>Handles one event. <paramref name="complaint"/> is the snapshot saved with it.</summary>
    ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken);
}
