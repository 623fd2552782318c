using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>
/// Answers, for every command, where an action takes a case: the routes of <see cref="ProcessRoutes"/> indexed by
/// state and trigger, with the open superstate's routes folded into each open step. Firing the Stateless machine
/// asynchronously costs more than the whole command budget (see docs/performance.md), so commands route here; the
/// machine, built from the same routes, serves diagrams and permitted-action queries, and a test holds the two equal.
/// </summary>
internal sealed class ProcessRouter
{
    private readonly FrozenDictionary<string, ProcessRoute[]> _byState;
    private readonly FrozenSet<string> _conditional;

    public ProcessRouter(ImmutableArray<ProcessRoute> routes, IEnumerable<string> openSteps)
    {
        var byState = routes.Where(r => r.From != StepIds.Open).GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inherited = routes.Where(r => r.From == StepIds.Open).ToArray();
        foreach (var step in openSteps)
        {
            var own = byState.TryGetValue(step, out var list) ? list : byState[step] = [];
            own.AddRange(inherited.Where(r => own.All(o => o.Trigger != r.Trigger)).Select(r => r.Stays ? r with { From = step, To = step } : r with { From = step }));
        }

        _byState = byState.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _conditional = routes.Where(r => r.Trigger == Triggers.PassOver).Select(r => r.From).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when the step applies only to some cases, so a case arriving there may pass over it.</summary>
    public bool CanPassOver(string step) => _conditional.Contains(step);

    /// <summary>The state the trigger leads to; throws <see cref="ActionNotPermittedException"/> when it leads nowhere now.</summary>
    public string Route(ComplaintCase complaint, string trigger, GuardContext context) => Resolve(complaint, trigger, context).To;

    /// <summary>The route the trigger takes now; throws <see cref="ActionNotPermittedException"/> when there is none.</summary>
    public ProcessRoute Resolve(ComplaintCase complaint, string trigger, GuardContext context) =>
        TryResolve(complaint, trigger, context, out var route, out var refusal) ? route : throw refusal;

    /// <summary>The route the trigger takes now, or the refusal the command would get: one answer for commands and for available actions.</summary>
    public bool TryResolve(ComplaintCase complaint, string trigger, GuardContext context, out ProcessRoute route, out ActionNotPermittedException refusal)
    {
        route = Find(complaint.Step, trigger)!;
        if (route is null)
        {
            refusal = NotPermitted(complaint, trigger, [], context);
            return false;
        }

        foreach (var guard in route.Guards)
        {
            if (!guard.IsMet(complaint, context))
            {
                refusal = NotPermitted(complaint, trigger, Unmet(route, complaint, context), context);
                return false;
            }
        }

        refusal = null!;
        return true;
    }

    // Apart from TryResolve, so the lambda's captured state is only allocated when a command is refused.
    private static string[] Unmet(ProcessRoute route, ComplaintCase complaint, GuardContext context) =>
        [.. route.Guards.Where(g => !g.IsMet(complaint, context)).Select(g => g.Unmet(complaint, context))];

    /// <summary>
    /// Where a case arriving at <paramref name="step"/> goes when the step does not apply to it (its pass-over route's
    /// guard holds for <paramref name="complaint"/>, the case as the command left it); <see langword="null"/> when the
    /// step applies or cannot be passed over.
    /// </summary>
    public ProcessRoute? PassOver(string step, ComplaintCase complaint, GuardContext context)
    {
        if (Find(step, Triggers.PassOver) is not { } route)
        {
            return null;
        }

        foreach (var guard in route.Guards)
        {
            if (!guard.IsMet(complaint, context))
            {
                return null;
            }
        }

        return route;
    }

    /// <summary>The triggers whose guards all hold now, in configuration order.</summary>
    public IReadOnlyList<string> PermittedTriggers(ComplaintCase complaint, GuardContext context) =>
        _byState.TryGetValue(complaint.Step, out var routes)
            ? [.. routes.Where(r => r.Guards.All(g => g.IsMet(complaint, context))).Select(r => r.Trigger)]
            : [];

    /// <summary>Every route out of a state, the open superstate's included.</summary>
    public IReadOnlyList<ProcessRoute> RoutesFrom(string state) => _byState.TryGetValue(state, out var routes) ? routes : [];

    private ProcessRoute? Find(string state, string trigger)
    {
        if (_byState.TryGetValue(state, out var routes))
        {
            foreach (var route in routes)
            {
                if (route.Trigger == trigger)
                {
                    return route;
                }
            }
        }

        return null;
    }

    private ActionNotPermittedException NotPermitted(ComplaintCase complaint, string trigger, IReadOnlyList<string> unmet, GuardContext context)
    {
        var permitted = PermittedTriggers(complaint, context).Where(t => !Triggers.IsInternal(t)).Select(Triggers.ToAction).Distinct(StringComparer.Ordinal).ToArray();
        return new ActionNotPermittedException(complaint.Id, complaint.Step, Triggers.ToAction(trigger), permitted, unmet);
    }
}
