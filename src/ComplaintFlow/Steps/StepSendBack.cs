namespace ComplaintFlow.Steps;

/// <summary>A way a step sends a case back to an earlier step (see <see cref="StepFacts.SendBacks"/>).</summary>
/// <param name="Action">The action that does it, for example <c>decline-legal-review</c>.</param>
/// <param name="ToStep">The earlier step the case goes back to.</param>
/// <param name="Description">What it means, for example "legal declines the settlement".</param>
public sealed record StepSendBack(string Action, string ToStep, string Description);
