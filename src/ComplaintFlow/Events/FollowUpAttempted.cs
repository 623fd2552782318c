namespace ComplaintFlow.Events;

/// <summary>An attempt to reach the customer for the follow-up went unanswered (PR-14).</summary>
/// <param name="Attempt">Which unanswered attempt this was, from 1.</param>
/// <param name="Note">What was tried.</param>
public sealed record FollowUpAttempted(int Attempt, string? Note) : ComplaintEventData;
