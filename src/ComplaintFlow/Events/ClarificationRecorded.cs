namespace ComplaintFlow.Events;

/// <summary>A clarifying question and its answer were recorded (PR-03).</summary>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer.</param>
public sealed record ClarificationRecorded(string Question, string Answer) : ComplaintEventData;
