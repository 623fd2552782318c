namespace ComplaintFlow.Outcomes;

/// <summary>A deadline a letter can quote: one of the case's clocks.</summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Regulatory">True for a regulator's deadline.</param>
public sealed record LetterDeadline(string Clock, DateTimeOffset DueAt, bool Regulatory);
