namespace ComplaintFlow.Events;

/// <summary>The customer's account was recorded (PR-02).</summary>
/// <param name="Text">What the customer said.</param>
/// <param name="Channel">Where.</param>
public sealed record StatementRecorded(string Text, Channel Channel) : ComplaintEventData;
