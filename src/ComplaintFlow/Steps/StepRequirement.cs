namespace ComplaintFlow.Steps;

/// <summary>
/// An extra condition a step must meet before the case moves forward out of it (by its completion, a final response or,
/// for follow-up, a waiver or the last unanswered attempt), added to a built-in or custom step with
/// <see cref="Process.ComplaintProcessBuilder.AddCompletionRequirement"/>.
/// </summary>
/// <param name="Description">What is required, phrased so it reads well after "needs:" in an error message.</param>
/// <param name="IsMet">Evaluates the requirement against the case as it is before the completing action. Must be pure and fast.</param>
public sealed record StepRequirement(string Description, Func<ComplaintCase, bool> IsMet);
