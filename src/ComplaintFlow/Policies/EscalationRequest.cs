namespace ComplaintFlow.Policies;

/// <summary>A policy's request to escalate a case.</summary>
/// <param name="Tier">The tier to escalate to; must be configured and more senior than the case's (or the same with another team).</param>
/// <param name="Team">An optional team, for example a specialist complaints team.</param>
/// <param name="Cause">
/// A stable key for why, such as <c>repeated-rejections</c>. A case escalates at most once per cause, however often the
/// policy asks.
/// </param>
/// <param name="Reason">Why, for the people who will handle the case.</param>
/// <param name="CustomerExplanation">
/// What to tell the customer about the hand-over, so it reads as getting them the right person rather than passing the
/// buck (PR-11).
/// </param>
public sealed record EscalationRequest(string Tier, string? Team, string Cause, string Reason, string CustomerExplanation);
