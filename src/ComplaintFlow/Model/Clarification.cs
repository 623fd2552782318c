namespace ComplaintFlow;

/// <summary>A clarifying question and the customer's answer (PR-03).</summary>
/// <param name="Question">What the agent asked.</param>
/// <param name="Answer">What the customer answered.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record Clarification(string Question, string Answer, DateTimeOffset RecordedAt);
