namespace ComplaintFlow.Events;

/// <summary>A custom step sent the case back to an earlier step instead of completing.</summary>
/// <param name="Record">What the step recorded, with the send-back action, the step the case went to and the reason.</param>
public sealed record StepSentBack(StepRecord Record) : ComplaintEventData;
