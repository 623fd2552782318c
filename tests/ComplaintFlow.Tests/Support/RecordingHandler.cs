using System.Collections.Concurrent;
using ComplaintFlow.Events;

namespace ComplaintFlow.Tests.Support;

/// <summary>The app's side of the event hook: remembers what it was told.</summary>
internal sealed class RecordingHandler : IComplaintEventHandler
{
    public ConcurrentQueue<ComplaintEvent> Events { get; } = new();

    public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        Events.Enqueue(complaintEvent);
        return ValueTask.CompletedTask;
    }
}
