namespace ComplaintFlow;

/// <summary>What the customer says would put things right (PR-06).</summary>
/// <param name="Kind">The kind of remedy the customer asked for.</param>
/// <param name="Details">The customer's own words.</param>
/// <param name="CapturedAt">When it was recorded.</param>
public sealed record DesiredOutcome(RemedyKind Kind, string Details, DateTimeOffset CapturedAt);
