namespace ComplaintFlow;

/// <summary>The agent's restatement of the problem and the customer's response to it (PR-05).</summary>
/// <param name="Text">The restatement, in the agent's words.</param>
/// <param name="Status">Whether the customer confirmed or corrected it.</param>
/// <param name="Correction">What the customer said was wrong, when corrected.</param>
/// <param name="UpdatedAt">When the status last changed.</param>
public sealed record Paraphrase(string Text, ParaphraseStatus Status, string? Correction, DateTimeOffset UpdatedAt);
