namespace ComplaintFlow.Events;

/// <summary>
/// One entry in a case's history. Events are numbered from 1 per case without gaps; together they explain
/// how the case reached its state (PR-22).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">The event's number within the case, starting at 1.</param>
/// <param name="OccurredAt">When it happened, from the configured <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Step">The case's step after the event.</param>
/// <param name="Data">What happened.</param>
public sealed record ComplaintEvent(ComplaintId CaseId, long Sequence, DateTimeOffset OccurredAt, Actor Actor, string Step, ComplaintEventData Data);
