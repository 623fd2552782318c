using Stateless;
using Stateless.Reflection;

namespace ComplaintFlow.Process;

/// <summary>
/// The Stateless machine behind a process definition. Configuring a machine costs several times more than firing it,
/// so machines are configured once and pooled (<see cref="ProcessMachinePool"/>); each fire loads the case's step and
/// the case itself into the machine, and guards read from there.
/// </summary>
internal sealed class ProcessMachine
{
    private static readonly Action<StateMachine<string, string>.Transition> Stay = static _ => { };

    private readonly StateMachine<string, string> _machine;
    private string _step = StepIds.Acknowledge;
    private ComplaintCase? _case;
    private DateTimeOffset _now;
    private TimeSpan _reopenWindow;

    public ProcessMachine(IReadOnlyList<ProcessStepNode> steps, string reopenTarget)
    {
        _machine = new StateMachine<string, string>(() => _step, s => _step = s, FiringMode.Immediate);
        _machine.OnUnhandledTriggerAsync(ReportUnhandledAsync);
        Configure(steps, reopenTarget);
    }

    /// <summary>Asks the machine where <paramref name="trigger"/> takes the case; throws <see cref="ActionNotPermittedException"/> if nowhere.</summary>
    public async Task<string> FireAsync(ComplaintCase complaint, string trigger, DateTimeOffset now, TimeSpan reopenWindow)
    {
        Load(complaint, now, reopenWindow);
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

    /// <summary>The triggers the case's step allows now, given the case's data.</summary>
    public async Task<IReadOnlyList<string>> GetPermittedTriggersAsync(ComplaintCase complaint, DateTimeOffset now, TimeSpan reopenWindow)
    {
        Load(complaint, now, reopenWindow);
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

    private void Load(ComplaintCase complaint, DateTimeOffset now, TimeSpan reopenWindow)
    {
        _case = complaint;
        _step = complaint.Step;
        _now = now;
        _reopenWindow = reopenWindow;
    }

    private async Task ReportUnhandledAsync(string step, string trigger, ICollection<string> unmetGuards)
    {
        var permitted = (await _machine.GetPermittedTriggersAsync().ConfigureAwait(false)).Select(Triggers.ToAction).Distinct().ToArray();
        // Stateless's async path does not always pass the failed guards along, so ask for them again.
        if (unmetGuards is null || unmetGuards.Count == 0)
        {
            _machine.CanFire(trigger, out unmetGuards);
        }

        throw new ActionNotPermittedException(Case.Id, step, Triggers.ToAction(trigger), permitted, [.. unmetGuards ?? []]);
    }

    private void Configure(IReadOnlyList<ProcessStepNode> steps, string reopenTarget)
    {
        _machine.Configure(StepIds.Open)
            .Permit(ComplaintActions.Withdraw, StepIds.Withdrawn)
            .InternalTransition(ComplaintActions.AddNote, Stay)
            .InternalTransition(ComplaintActions.Reassign, Stay)
            .InternalTransition(ComplaintActions.RecordCustomerUpdate, Stay)
            .InternalTransition(ComplaintActions.SetSeverity, Stay)
            .InternalTransition(ComplaintActions.SetFlags, Stay)
            .InternalTransition(ComplaintActions.SetCategories, Stay);

        for (var i = 0; i < steps.Count; i++)
        {
            var node = steps[i];
            var next = i + 1 < steps.Count ? steps[i + 1].Id : StepIds.Closed;
            var step = _machine.Configure(node.Id).SubstateOf(StepIds.Open);
            var extra = node.Requirements.Select(r => Tuple.Create<Func<bool>, string>(() => r.IsMet(Case), r.Description)).ToArray();

            switch (node.Id)
            {
                case StepIds.Acknowledge when node.IsBuiltIn:
                    step.PermitIf(ComplaintActions.Acknowledge, next, extra);
                    break;
                case StepIds.Listen when node.IsBuiltIn:
                    step.InternalTransition(ComplaintActions.RecordStatement, Stay)
                        .InternalTransition(ComplaintActions.RecordClarification, Stay)
                        .PermitIf(ComplaintActions.SubmitParaphrase, next, [Guard(HasStatement, "at least one statement of the customer's own account (PR-02)"), .. extra]);
                    break;
                case StepIds.Validate when node.IsBuiltIn:
                    step.PermitIf(ComplaintActions.ConfirmParaphrase, next, extra)
                        .Permit(ComplaintActions.CorrectParaphrase, StepIds.Listen);
                    break;
                case StepIds.SeekResolution when node.IsBuiltIn:
                    step.InternalTransition(ComplaintActions.CaptureDesiredOutcome, Stay)
                        .PermitIf(ComplaintActions.Propose, next, [Guard(HasDesiredOutcome, "the customer's desired outcome, captured first (PR-06)"), .. extra]);
                    break;
                case StepIds.GainAgreement when node.IsBuiltIn:
                    step.PermitIf(ComplaintActions.Accept, next, [Guard(HasOpenProposal, "an open proposal awaiting the customer's decision (PR-08)"), .. extra])
                        .PermitIf(ComplaintActions.Reject, StepIds.SeekResolution, Guard(HasOpenProposal, "an open proposal awaiting the customer's decision (PR-09)"));
                    break;
                case StepIds.Fulfil when node.IsBuiltIn:
                    step.PermitIf(ComplaintActions.RecordFulfilment, next, [Guard(HasAcceptedProposal, "the customer's acceptance of the latest proposal (PR-08)"), .. extra]);
                    break;
                case StepIds.FollowUp when node.IsBuiltIn:
                    step.PermitIf(Triggers.FollowUpSatisfied, StepIds.Closed, extra)
                        .Permit(Triggers.FollowUpUnsatisfied, reopenTarget)
                        .Permit(ComplaintActions.WaiveFollowUp, StepIds.Closed);
                    break;
                default:
                    step.PermitIf(node.Custom!.CompletionAction, next, extra);
                    break;
            }
        }

        _machine.Configure(StepIds.Closed)
            .PermitIf(ComplaintActions.Reopen, reopenTarget, Guard(WithinReopenWindow, "a close within the configured reopen window"))
            .InternalTransition(ComplaintActions.AddNote, Stay);
        _machine.Configure(StepIds.Withdrawn)
            .InternalTransition(ComplaintActions.AddNote, Stay);
    }

    private static Tuple<Func<bool>, string> Guard(Func<bool> guard, string description) => Tuple.Create(guard, description);

    private bool HasStatement() => Case.Statements.Length > 0;

    private bool HasDesiredOutcome() => Case.DesiredOutcome is not null;

    private bool HasOpenProposal() => Case.LatestProposal is { Status: ProposalStatus.Open };

    private bool HasAcceptedProposal() => Case.AcceptedProposal is not null;

    private bool WithinReopenWindow() => Case.ClosedAt is { } closedAt && _now - closedAt <= _reopenWindow;
}
