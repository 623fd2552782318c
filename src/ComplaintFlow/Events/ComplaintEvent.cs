using System.Text.Json.Serialization;

namespace ComplaintFlow.Events;

/// <summary>
/// One entry in a case's history. Events are numbered from 1 per case without gaps; together they explain
/// how the case reached its state (PR-22).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">The event's number within the case, starting at 1.</param>
/// <param name="OccurredAt">When it happened, from the configured <see cref="TimeProvider"/>; it reads back in UTC.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Step">The case's step after the event.</param>
/// <param name="Data">What happened.</param>
public sealed record ComplaintEvent(
    [property: JsonPropertyOrder(-2)] ComplaintId CaseId,
    [property: JsonPropertyOrder(-1)] long Sequence,
    DateTimeOffset OccurredAt,
    [property: JsonPropertyOrder(1)] Actor Actor,
    [property: JsonPropertyOrder(1)] string Step,
    [property: JsonPropertyOrder(1)] ComplaintEventData Data)
{
    // Kept as UTC ticks, 8 bytes instead of 16: a store in memory keeps every event of every case. The JSON orders
    // above keep the members in the order of the parameters, as before this property was written out.
    private readonly long _occurredAt = OccurredAt.UtcTicks;

    /// <summary>When it happened, from the configured <see cref="TimeProvider"/>; it reads back in UTC.</summary>
    public DateTimeOffset OccurredAt
    {
        get => CompactTicks.Instant(_occurredAt);
        init => _occurredAt = value.UtcTicks;
    }
}
