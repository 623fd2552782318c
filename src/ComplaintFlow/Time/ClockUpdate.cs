using System.Collections.Immutable;
using ComplaintFlow.Events;

namespace ComplaintFlow.Time;

/// <summary>What the clock engine changed on a case: the clocks, the next due instant and the events that say so.</summary>
internal readonly record struct ClockUpdate(ImmutableArray<CaseClock> Clocks, DateTimeOffset? NextDueAt, ComplaintEventData[] Events);
