using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Time;

namespace ComplaintFlow;

/// <summary>
/// Where a change leaves a case and what its steps say about that: the step it lands in after passing over steps that
/// do not apply, and the clock inputs from the steps it completed and entered.
/// </summary>
internal static class StepEntry
{
    /// <summary>The step the case ends in, passing over steps whose condition the changed case does not meet.</summary>
    public static string Land(ComplaintProcess process, ProcessRoute? route, CaseDraft changed, GuardContext guard, ref List<ComplaintEventData>? passedOver)
    {
        var step = route?.To ?? changed.Step;
        if (route is null || route.Stays || !process.Router.CanPassOver(step))
        {
            return step;
        }

        // A step's condition reads a case, so the draft is viewed as one; only conditional steps pay for that.
        var view = changed.Build();
        while (process.Router.PassOver(step, view, guard) is { } skip)
        {
            (passedOver ??= []).Add(new StepPassedOver(step, process.GetFacts(step).AppliesWhen!.Description));
            step = skip.To;
        }

        return step;
    }

    /// <summary>What the clocks need to know: the events, the waiting before and after, and the steps' clock rules.</summary>
    public static ClockChangeInputs ClockInputs(ComplaintProcess process, ComplaintCase before, ProcessRoute? route, string landed, in Applied applied)
    {
        // One lookup per step: most changes stay in their step, and then the facts before are the facts after.
        var from = process.GetFacts(before.Step);
        var moved = landed != before.Step;
        var to = moved ? process.GetFacts(landed) : from;
        var isNew = before.Version == 0;
        var entering = moved || isNew ? to.Clocks : [];
        ImmutableArray<StepClockRule> completing = moved && route is { OwnedByStep: true } ? from.Clocks : [];
        return new ClockChangeInputs(
            before.Clocks,
            before.ReceivedAt,
            applied.Event,
            applied.Then,
            isNew ? to.WaitsOnCustomer : from.WaitsOnCustomer,
            to.WaitsOnCustomer,
            Only(completing, StepMoment.Completing),
            Only(entering, StepMoment.Entering));
    }

    private static ImmutableArray<StepClockRule> Only(ImmutableArray<StepClockRule> rules, StepMoment moment)
    {
        if (rules.IsDefaultOrEmpty)
        {
            return [];
        }

        foreach (var rule in rules)
        {
            if (rule.When != moment)
            {
                return Filter(rules, moment);
            }
        }

        return rules;
    }

    private static ImmutableArray<StepClockRule> Filter(ImmutableArray<StepClockRule> rules, StepMoment moment)
    {
        var kept = ImmutableArray.CreateBuilder<StepClockRule>(rules.Length);
        foreach (var rule in rules)
        {
            if (rule.When == moment)
            {
                kept.Add(rule);
            }
        }

        return kept.ToImmutable();
    }
}
