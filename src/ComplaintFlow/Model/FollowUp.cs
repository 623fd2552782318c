namespace ComplaintFlow;

/// <summary>The check-in with the customer after fulfilment (PR-14).</summary>
/// <param name="Satisfied">Whether the customer is satisfied with the outcome.</param>
/// <param name="Csat">The customer's satisfaction score from 1 to 5, when given.</param>
/// <param name="Comment">What the customer said.</param>
/// <param name="RecordedBy">Who did the follow-up.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record FollowUp(bool Satisfied, int? Csat, string? Comment, Actor RecordedBy, DateTimeOffset RecordedAt);
