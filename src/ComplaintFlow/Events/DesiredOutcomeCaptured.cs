namespace ComplaintFlow.Events;

/// <summary>What the customer wants was recorded (PR-06).</summary>
/// <param name="Kind">The remedy kind.</param>
/// <param name="Details">The customer's words.</param>
public sealed record DesiredOutcomeCaptured(RemedyKind Kind, string Details) : ComplaintEventData;
