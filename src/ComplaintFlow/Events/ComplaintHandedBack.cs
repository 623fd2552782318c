namespace ComplaintFlow.Events;

/// <summary>An authorised actor handed an escalated case back to a more junior tier or another team.</summary>
/// <param name="FromTier">The tier before.</param>
/// <param name="FromTeam">The team before, if any.</param>
/// <param name="ToTier">The tier now handling the case.</param>
/// <param name="ToTeam">The team now handling the case, if any.</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintHandedBack(string FromTier, string? FromTeam, string ToTier, string? ToTeam, string Reason) : ComplaintEventData;
