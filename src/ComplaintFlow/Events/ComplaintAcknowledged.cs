namespace ComplaintFlow.Events;

/// <summary>The company acknowledged the complaint and named an owner (PR-01, PR-04).</summary>
/// <param name="Owner">The accountable owner.</param>
/// <param name="ThankedAndApologised">Whether thanks and an apology were given.</param>
/// <param name="Message">What the customer was told, if recorded.</param>
public sealed record ComplaintAcknowledged(Actor Owner, bool ThankedAndApologised, string? Message) : ComplaintEventData;
