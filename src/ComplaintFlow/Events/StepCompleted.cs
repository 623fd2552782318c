namespace ComplaintFlow.Events;

/// <summary>A custom step was completed.</summary>
/// <param name="Record">What the step recorded.</param>
public sealed record StepCompleted(StepRecord Record) : ComplaintEventData;
