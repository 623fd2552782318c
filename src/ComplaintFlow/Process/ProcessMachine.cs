using System.Collections.Immutable;
using Stateless;
using Stateless.Reflection;

namespace ComplaintFlow.Process;

/// <summary>
/// The Stateless machine of a process definition, configured from <see cref="ProcessRoutes"/>. It renders the
/// diagram and answers permitted-action queries; commands route through <see cref="ProcessRouter"/>, built from the
/// same routes. Configuring a machine costs far more than using it, so machines are pooled
/// (<see cref="ProcessMachinePool"/>); each use loads the case's step and the case itself into the machine, and guards
/// read from there. Actions that keep the case in its step are ignored triggers: permitted, guardable and listed by
/// <c>GetPermittedTriggersAsync</c>.
/// </summary>
internal sealed class ProcessMachine
{
    private readonly StateMachine<string, string> _machine;
    private readonly ImmutableArray<ProcessRoute> _routes;
    private string _step = StepIds.Acknowledge;
    private ComplaintCase? _case;
    private GuardContext _context;

    public ProcessMachine(ImmutableArray<ProcessRoute> routes, IEnumerable<string> openSteps)
    {
        _routes = routes;
        _machine = new StateMachine<string, string>(() => _step, s => _step = s, FiringMode.Immediate);
        _machine.OnUnhandledTriggerAsync(ReportUnhandledAsync);
        foreach (var step in openSteps)
        {
            _machine.Configure(step).SubstateOf(StepIds.Open);
        }

        foreach (var route in routes)
        {
            var guards = route.Guards.Select(g => Tuple.Create<Func<bool>, string>(() => g.IsMet(Case, _context), g.Description)).ToArray();
            var state = _machine.Configure(route.From);
            if (route.Stays)
            {
                state.IgnoreIf(route.Trigger, guards);
            }
            else
            {
                state.PermitIf(route.Trigger, route.To, guards);
            }
        }
    }

    /// <summary>Fires the trigger and returns the new state; throws <see cref="ActionNotPermittedException"/> when not permitted.</summary>
    public async ValueTask<string> FireAsync(ComplaintCase complaint, string trigger, GuardContext context)
    {
        Load(complaint, context);
        try
        {
            await _machine.FireAsync(trigger).ConfigureAwait(false);
            return _step;
        }
        finally
        {
            _case = null;
        }
    }

    /// <summary>The triggers the case's state allows now, given the case's data.</summary>
    public async ValueTask<IReadOnlyList<string>> GetPermittedTriggersAsync(ComplaintCase complaint, GuardContext context)
    {
        Load(complaint, context);
        try
        {
            return [.. await _machine.GetPermittedTriggersAsync().ConfigureAwait(false)];
        }
        finally
        {
            _case = null;
        }
    }

    public StateMachineInfo GetInfo() => _machine.GetInfo();

    private ComplaintCase Case => _case ?? throw new InvalidOperationException("No case is loaded into the process machine.");

    private void Load(ComplaintCase complaint, GuardContext context)
    {
        _case = complaint;
        _step = complaint.Step;
        _context = context;
    }

    private async Task ReportUnhandledAsync(string step, string trigger, ICollection<string> unmetGuards)
    {
        var permitted = (await _machine.GetPermittedTriggersAsync().ConfigureAwait(false)).Where(t => !Triggers.IsInternal(t)).Select(Triggers.ToAction).Distinct().ToArray();

        // Stateless's async path does not always pass the failed guards along, so read them from the route.
        var route = _routes.FirstOrDefault(r => r.Trigger == trigger && (r.From == step || (r.From == StepIds.Open && _machine.IsInState(StepIds.Open))));
        IReadOnlyList<string> unmet = unmetGuards is { Count: > 0 }
            ? [.. unmetGuards]
            : route is null ? [] : [.. route.Guards.Where(g => !g.IsMet(Case, _context)).Select(g => g.Description)];
        throw new ActionNotPermittedException(Case.Id, step, Triggers.ToAction(trigger), permitted, unmet);
    }
}
