using System.Collections.Immutable;

namespace ComplaintFlow.Steps;

/// <summary>
/// What a step declares about itself, the same way for the seven built-in steps and an integrator's own: whether it
/// applies to a case, whether the case then waits on the customer, which clocks entering or completing it moves, who
/// may perform it, and where it may send a case back. Immutable; each method returns a changed copy. Set a custom
/// step's facts by overriding <see cref="ComplaintStep.Facts"/>; adjust any step's with
/// <see cref="Process.ComplaintProcessBuilder.ConfigureStep"/>.
/// </summary>
public sealed record StepFacts
{
    /// <summary>No conditions, no clocks, open to everyone who may act on the case, no send-backs.</summary>
    public static StepFacts None { get; } = new();

    /// <summary>
    /// When set, the step applies only to cases the condition holds for; a case arriving at a step that does not apply
    /// is passed over to the next one, and its history records that once, with the condition. Only custom steps may be
    /// conditional: every built-in step serves a practice each complaint is owed.
    /// </summary>
    public StepCondition? AppliesWhen { get; init; }

    /// <summary>
    /// True when a case in this step waits on the customer (a confirmation, a decision): clocks that pause while waiting
    /// on the customer pause here (PR-13). The built-in <c>validate</c> and <c>gain-agreement</c> steps wait.
    /// </summary>
    public bool WaitsOnCustomer { get; init; }

    /// <summary>The clocks entering or completing the step starts, stops or resets.</summary>
    public ImmutableArray<StepClockRule> Clocks { get; init; } = [];

    /// <summary>
    /// Who may take the step's own actions; <see langword="null"/> for everyone the tier rules allow. Actors named here
    /// may take them even on an escalated case.
    /// </summary>
    public StepPerformers? PerformedBy { get; init; }

    /// <summary>
    /// The ways the step can send a case back to an earlier step instead of completing it. Sending a case back to or
    /// before <c>gain-agreement</c> sets the accepted proposal aside, so fulfilment needs a new agreement (PR-08).
    /// </summary>
    public ImmutableArray<StepSendBack> SendBacks { get; init; } = [];

    /// <summary>Makes the step apply only when <paramref name="applies"/> holds for the case, as described.</summary>
    /// <param name="description">What must hold, phrased to follow "applies only when", for example "the accepted proposal commits more than GBP 1,000".</param>
    /// <param name="applies">Evaluated on the case as the command that moves it here left it. Must be pure and fast.</param>
    public StepFacts AppliesOnlyWhen(string description, Func<ComplaintCase, bool> applies) => this with { AppliesWhen = new StepCondition(description, applies) };

    /// <summary>Marks the step as waiting on the customer.</summary>
    public StepFacts WaitingOnCustomer() => this with { WaitsOnCustomer = true };

    /// <summary>Starts a clock when the step is entered or completed.</summary>
    public StepFacts StartsClock(string clock, StepMoment when = StepMoment.Entering) => WithClock(new StepClockRule(when, StepClockAction.Start, clock));

    /// <summary>Stops a clock when the step is entered or completed.</summary>
    public StepFacts StopsClock(string clock, StepMoment when = StepMoment.Completing) => WithClock(new StepClockRule(when, StepClockAction.Stop, clock));

    /// <summary>Restarts a running clock from now when the step is entered or completed.</summary>
    public StepFacts ResetsClock(string clock, StepMoment when = StepMoment.Entering) => WithClock(new StepClockRule(when, StepClockAction.Reset, clock));

    /// <summary>Lets only actors holding one of the roles take the step's actions (or tiers at or above <paramref name="orTierAtLeast"/>).</summary>
    public StepFacts PerformedByRoles(IEnumerable<string> roles, string? orTierAtLeast = null) =>
        this with { PerformedBy = new StepPerformers([.. roles ?? throw new ArgumentNullException(nameof(roles))], orTierAtLeast) };

    /// <summary>Lets only actors at or above the tier take the step's actions.</summary>
    public StepFacts PerformedByTierAtLeast(string tier) => this with { PerformedBy = new StepPerformers([], tier) };

    /// <summary>Adds a way to send the case back to an earlier step, through its own action.</summary>
    /// <param name="toStep">The earlier step to go back to.</param>
    /// <param name="action">The action's name, for example <c>decline-legal-review</c>.</param>
    /// <param name="description">What it means, for diagrams and available actions, for example "legal declines the settlement".</param>
    public StepFacts SendsBackTo(string toStep, string action, string description) => this with { SendBacks = SendBacks.Add(new StepSendBack(action, toStep, description)) };

    private StepFacts WithClock(StepClockRule rule) => this with { Clocks = Clocks.Add(rule) };
}
