namespace ComplaintFlow.Steps;

/// <summary>A clock a step moves (see <see cref="StepFacts.Clocks"/>).</summary>
/// <param name="When">On entering or on completing the step.</param>
/// <param name="Action">Start, stop or reset.</param>
/// <param name="Clock">The clock's name; it must be one of the configured clocks.</param>
public sealed record StepClockRule(StepMoment When, StepClockAction Action, string Clock);
