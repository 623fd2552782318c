namespace ComplaintFlow.Events;

/// <summary>The case passed over a step that does not apply to it (see <see cref="Steps.StepFacts.AppliesWhen"/>).</summary>
/// <param name="StepId">The step passed over.</param>
/// <param name="AppliesOnlyWhen">The step's condition, which the case did not meet.</param>
public sealed record StepPassedOver(string StepId, string AppliesOnlyWhen) : ComplaintEventData;
