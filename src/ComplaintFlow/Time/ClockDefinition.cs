namespace ComplaintFlow.Time;

/// <summary>One service-level or regulatory clock that every case carries.</summary>
public sealed record ClockDefinition
{
    /// <summary>A stable name, stored on cases and events, for example <c>acknowledge</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the clock is for, in a sentence, with its source rule for regulatory clocks.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// What starts the clock (when it is not already running). <see cref="ClockTriggers.None"/> for a clock that only a
    /// step starts (see <see cref="Steps.StepFacts.StartsClock"/>); the desk refuses a clock that nothing starts.
    /// </summary>
    public required ClockTriggers StartsOn { get; init; }

    /// <summary>What stops the clock. Closing or withdrawing the case always stops it.</summary>
    public required ClockTriggers StopsOn { get; init; }

    /// <summary>What restarts a running clock from now, for example a progress update (PR-13).</summary>
    public ClockTriggers ResetsOn { get; init; }

    /// <summary>How the due time is worked out.</summary>
    public required ClockDeadline Deadline { get; init; }

    /// <summary>
    /// The share of the time to the deadline after which a warning is recorded, from 0 to 1. Default: 0.8. Not used
    /// when <see cref="WarnBefore"/> is set.
    /// </summary>
    public double WarnAt { get; init; } = 0.8;

    /// <summary>
    /// Warns this long before the deadline instead of at a share of the time, for example two business hours before
    /// ("close of business day 3, warn 2 hours before"); counted in business time when the deadline is. When the clock
    /// has less time than this, it warns as it starts. Pausing and resuming keep the distance exact. Positive and at most
    /// ten years (3,660 days), as deadlines are.
    /// </summary>
    public TimeSpan? WarnBefore { get; init; }

    /// <summary>
    /// When true, the clock stops counting while the case is in a step that waits on the customer (the built-in
    /// validate and gain-agreement steps, and any step whose facts say it waits; see <see cref="Steps.StepFacts.WaitsOnCustomer"/>).
    /// </summary>
    public bool PausesWhileWaitingOnCustomer { get; init; }

    /// <summary>A regulator's deadline: it never pauses, and a breach is escalated to the specialist team.</summary>
    public bool Regulatory { get; init; }
}
