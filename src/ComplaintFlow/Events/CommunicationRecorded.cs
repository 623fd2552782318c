using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Events;

/// <summary>A communication was sent to the customer (a summary resolution, a delay letter, an IDR response...).</summary>
/// <param name="Communication">What was sent, how and when, and the app's reference to it.</param>
public sealed record CommunicationRecorded(CustomerCommunication Communication) : ComplaintEventData;
