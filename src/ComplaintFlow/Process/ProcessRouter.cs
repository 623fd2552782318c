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
    }

    /// <summary>The state the trigger leads to; throws <see cref="ActionNotPermittedException"/> when it leads nowhere now.</summary>
    public string Route(ComplaintCase complaint, string trigger, GuardContext context)
    {
        var route = Find(complaint.Step, trigger) ?? throw NotPermitted(complaint, trigger, [], context);
        foreach (var guard in route.Guards)
        {
            if (!guard.IsMet(complaint, context))
            {
                throw NotPermitted(complaint, trigger, [.. route.Guards.Where(g => !g.IsMet(complaint, context)).Select(g => g.Description)], context);
            }
        }

        return route.To;
    }

    /// <summary>The triggers whose guards all hold now, in configuration order.</summary>
    public IReadOnlyList<string> PermittedTriggers(ComplaintCase complaint, GuardContext context) =>
        _byState.TryGetValue(complaint.Step, out var routes)
            ? [.. routes.Where(r => r.Guards.All(g => g.IsMet(complaint, context))).Select(r => r.Trigger)]
            : [];

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
        var permitted = PermittedTriggers(complaint, context).Select(Triggers.ToAction).Distinct(StringComparer.Ordinal).ToArray();
        return new ActionNotPermittedException(complaint.Id, complaint.Step, Triggers.ToAction(trigger), permitted, unmet);
    }
}
