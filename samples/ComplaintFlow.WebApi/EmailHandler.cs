using ComplaintFlow.Events;

namespace ComplaintFlow.WebApi;

/// <summary>
/// Tells the customer by email when the complaint is acknowledged and when the remedy is done. The sample logs the
/// email; a real one would hand it to a mail gateway, using the case and event number to drop a repeat (events
/// arrive at least once).
/// </summary>
public sealed partial class EmailHandler(ILogger<EmailHandler> logger) : IComplaintEventHandler
{
    /// <inheritdoc />
    public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaintEvent);
        ArgumentNullException.ThrowIfNull(complaint);
        var subject = complaintEvent.Data switch
        {
            ComplaintAcknowledged => "We have your complaint",
            FulfilmentRecorded => "We have done what we agreed",
            _ => null,
        };
        if (subject is not null)
        {
            Sent(logger, complaint.CustomerRef, subject, complaintEvent.CaseId, complaintEvent.Sequence);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {Customer}: {Subject} [{CaseId}/{Sequence}]")]
    private static partial void Sent(ILogger logger, string customer, string subject, ComplaintId caseId, long sequence);
}
