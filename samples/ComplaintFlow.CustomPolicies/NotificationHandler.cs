using ComplaintFlow.Events;

namespace ComplaintFlow.CustomPolicies;

/// <summary>
/// The app's event handler: tells the customer when their complaint is acknowledged and a remedy is fulfilled, and
/// alerts the team a case is escalated to. Events arrive at least once, so the message id (case and event number)
/// lets a real gateway drop a repeat.
/// </summary>
public sealed class NotificationHandler(INotificationChannel channel) : IComplaintEventHandler
{
    /// <inheritdoc />
    public async ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        ArgumentNullException.ThrowIfNull(complaint);
        var messageId = $"{complaintEvent.CaseId}/{complaintEvent.Sequence}";
        switch (complaintEvent.Data)
        {
            case ComplaintAcknowledged acknowledged:
                await channel.SendAsync(complaint.CustomerRef, "We have your complaint", $"{acknowledged.Message ?? "Thank you for telling us."} [{messageId}]", cancellationToken);
                break;
            case ComplaintEscalated escalated:
                await channel.SendAsync(escalated.ToTeam ?? escalated.ToTier, $"Escalated to you: {complaint.Summary}", $"{escalated.Reason} [{messageId}]", cancellationToken);
                await channel.SendAsync(complaint.CustomerRef, "An update on your complaint", $"{escalated.CustomerExplanation} [{messageId}]", cancellationToken);
                break;
            case FulfilmentRecorded fulfilled:
                await channel.SendAsync(complaint.CustomerRef, "Done", $"{fulfilled.Description}. We will check in with you soon. [{messageId}]", cancellationToken);
                break;
        }
    }
}
