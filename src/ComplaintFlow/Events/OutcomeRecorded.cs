using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Events;

/// <summary>The decision on the complaint was recorded, or changed, with its reasons (PR-09, PR-17).</summary>
/// <param name="Outcome">The decision.</param>
public sealed record OutcomeRecorded(CaseOutcome Outcome) : ComplaintEventData;
