namespace ComplaintFlow;

/// <summary>The customer's own account, recorded while listening (PR-02).</summary>
/// <param name="Text">What the customer said, as close to their words as possible.</param>
/// <param name="Channel">Where they said it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">The id of the agent who recorded it.</param>
public sealed record CustomerStatement(string Text, Channel Channel, DateTimeOffset RecordedAt, string RecordedBy);
