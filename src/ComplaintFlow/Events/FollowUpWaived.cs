namespace ComplaintFlow.Events;

/// <summary>An authorised actor waived the follow-up (PR-14).</summary>
/// <param name="Reason">Why.</param>
public sealed record FollowUpWaived(string Reason) : ComplaintEventData;
