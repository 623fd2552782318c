namespace ComplaintFlow.AspNetCore;

/// <summary>One row of <see cref="ComplaintProblems.Describe"/>.</summary>
internal sealed record ProblemDescription(int Status, string Type, string Title, (string Name, object? Value)[] Members, bool RetryAfter = false);
