using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Steps;

namespace ComplaintFlow.Time;

/// <summary>What the clock engine needs to know about one change to a case.</summary>
/// <param name="Clocks">The case's clocks before the change.</param>
/// <param name="ReceivedAt">When the complaint was received; clocks started by the opening count from here.</param>
/// <param name="Happened">The change's first event, if it has one.</param>
/// <param name="Then">Its second event, if any.</param>
/// <param name="WaitingBefore">Whether the case waited on the customer before the change.</param>
/// <param name="WaitingAfter">Whether it waits on the customer after it.</param>
/// <param name="Completing">The clock rules of the step the change completed, if it completed one.</param>
/// <param name="Entering">The clock rules of the step the change entered, if it entered one.</param>
internal readonly record struct ClockChangeInputs(
    ImmutableArray<CaseClock> Clocks,
    DateTimeOffset ReceivedAt,
    ComplaintEventData? Happened,
    ComplaintEventData? Then,
    bool WaitingBefore,
    bool WaitingAfter,
    ImmutableArray<StepClockRule> Completing,
    ImmutableArray<StepClockRule> Entering);
