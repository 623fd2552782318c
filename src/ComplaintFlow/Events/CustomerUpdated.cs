namespace ComplaintFlow.Events;

/// <summary>A progress update was sent to the customer (PR-13).</summary>
/// <param name="Message">What the customer was told.</param>
/// <param name="Channel">How.</param>
/// <param name="NextUpdateBy">When the next update was promised, if it was.</param>
public sealed record CustomerUpdated(string Message, Channel Channel, DateTimeOffset? NextUpdateBy) : ComplaintEventData;
