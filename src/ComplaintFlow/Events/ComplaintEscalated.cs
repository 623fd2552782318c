namespace ComplaintFlow.Events;

/// <summary>
/// The case went to a more senior tier or a specialist team, keeping its step and history (PR-10, PR-11, PR-19).
/// </summary>
/// <param name="FromTier">The tier before.</param>
/// <param name="FromTeam">The team before, if any.</param>
/// <param name="ToTier">The tier now handling the case.</param>
/// <param name="ToTeam">The team now handling the case, if any.</param>
/// <param name="Cause">The stable cause key; a cause escalates a case at most once.</param>
/// <param name="Reason">Why, for the people handling the case.</param>
/// <param name="CustomerExplanation">What to tell the customer, so the hand-over does not read as passing the buck (PR-11).</param>
/// <param name="Policy">The escalation policy that asked for it.</param>
public sealed record ComplaintEscalated(string FromTier, string? FromTeam, string ToTier, string? ToTeam, string Cause, string Reason, string CustomerExplanation, string Policy) : ComplaintEventData;
