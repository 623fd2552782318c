namespace ComplaintFlow.Steps;

/// <summary>The rule that says whether a conditional step applies to a case (see <see cref="StepFacts.AppliesWhen"/>).</summary>
/// <param name="Description">What must hold, phrased to follow "applies only when".</param>
/// <param name="Applies">The test, on the case as the command that moves it to the step left it.</param>
public sealed record StepCondition(string Description, Func<ComplaintCase, bool> Applies);
