using ComplaintFlow.Events;

namespace ComplaintFlow.CrashChild;

/// <summary>
/// Prints each delivered event. In the load phase it refuses every event whose number is a multiple of four, so the
/// outbox always holds undelivered events when the process is killed.
/// </summary>
internal sealed class PrintingHandler(bool refuseSome) : IComplaintEventHandler
{
    public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        if (refuseSome && complaintEvent.Sequence % 4 == 0)
        {
            throw new InvalidOperationException("refused on purpose, to leave work for the next start");
        }

        Output.Line($"delivered {complaintEvent.CaseId} {complaintEvent.Sequence}");
        return ValueTask.CompletedTask;
    }
}
