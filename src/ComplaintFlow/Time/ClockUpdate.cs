using System.Collections.Immutable;
using ComplaintFlow.Events;

namespace ComplaintFlow.Time;

/// <summary>
/// What the clock engine changed on a case: the clocks, the next due instant and the events that say so. A command's
/// reaction is one <see cref="ClocksChanged"/>, held as it is rather than in an array of one, since nearly every
/// command makes one; warnings and breaches come as a list: the deadline worker's, or those a command's reset or pause
/// found passed but not yet recorded.
/// </summary>
internal readonly record struct ClockUpdate(ImmutableArray<CaseClock> Clocks, DateTimeOffset? NextDueAt, ClocksChanged? Changed, ComplaintEventData[]? Due)
{
    public int EventCount => (Changed is null ? 0 : 1) + (Due?.Length ?? 0);

    public ReadOnlySpan<ComplaintEventData> DueEvents => Due;
}
