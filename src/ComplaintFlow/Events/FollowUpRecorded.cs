namespace ComplaintFlow.Events;

/// <summary>The company checked in with the customer after fulfilment (PR-14).</summary>
/// <param name="Satisfied">Whether the customer is satisfied.</param>
/// <param name="Csat">The satisfaction score from 1 to 5, if given.</param>
/// <param name="Comment">What the customer said.</param>
public sealed record FollowUpRecorded(bool Satisfied, int? Csat, string? Comment) : ComplaintEventData;
