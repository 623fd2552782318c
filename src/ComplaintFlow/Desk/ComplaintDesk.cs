using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using ComplaintFlow.Time;
using ComplaintFlow.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow;

/// <summary>
/// The front door: every change goes through the one <see cref="DecisionPipeline"/>, every question is answered from
/// the store and the process. Commands are measured only when someone listens to the telemetry.
/// </summary>
internal sealed class ComplaintDesk : IComplaintDesk
{
    /// <summary>The action listing available actions is checked as: any actor the authority rules know may list them.</summary>
    public const string ListActionsAction = "list-actions";

    private readonly IComplaintStore _store;
    private readonly TimeProvider _time;
    private readonly DecisionPipeline _pipeline;
    private readonly ActionAvailability _availability;
    private readonly AuthorityRules _authority;
    private readonly ClockEngine _clocks;
    private readonly IComplaintPlaybook _playbook;
    private readonly ICustomerExplanations _explanations;
    private readonly PipelineSettings _settings;

    public ComplaintDesk(
        IComplaintStore store,
        ComplaintProcess process,
        IOptions<ComplaintFlowOptions> options,
        TimeProvider time,
        IRemedyFeasibilityCheck feasibility,
        Outbox.OutboxDispatcher outbox,
        IEnumerable<IEscalationPolicy> escalationPolicies,
        IEnumerable<IComplaintAuthorizationPolicy> authorizationPolicies,
        IComplaintPlaybook playbook,
        ICustomerExplanations explanations,
        ILoggerFactory? loggerFactory = null)
    {
        _explanations = explanations;
        _store = store;
        Process = process;
        _time = time;
        var configured = options.Value;
        _playbook = playbook;
        _authority = new AuthorityRules(configured);
        var clocks = _clocks = new ClockEngine(configured.Clocks);
        DeskChecks.Check(process, _authority, clocks);
        DeskChecks.CheckReferralText(configured, explanations);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ComplaintDesk>();
        var settings = _settings = new PipelineSettings(configured, _authority.JuniorTier);
        IComplaintAuthorizationPolicy[] authorization = [.. authorizationPolicies];
        var arbiter = new EscalationArbiter(escalationPolicies, configured.Escalation, _authority, logger);
        _pipeline = new DecisionPipeline(store, process, settings, time, feasibility, outbox, arbiter, authorization, _authority, clocks, logger);
        _availability = new ActionAvailability(process, _authority, authorization, settings);
    }

    public ComplaintProcess Process { get; }

    public ValueTask<ComplaintCase> OpenAsync(OpenComplaint command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(new OpenCase { CaseId = ComplaintId.New(_time), Actor = command.Actor, IdempotencyKey = command.IdempotencyKey, Open = command }, null, cancellationToken);
    }

    public ValueTask<ComplaintCase> ExecuteAsync(ComplaintCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(command, command.CaseId, cancellationToken);
    }

    public ValueTask<ComplaintCase> RecordDueClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        RunAsync(new RecordDueClocks { CaseId = caseId, Actor = Actor.System }, caseId, cancellationToken);

    public async ValueTask<IReadOnlyList<ClockReading>> GetClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        var current = await _pipeline.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return [.. current.Clocks.Select(clock =>
        {
            // The engine's clocks, fixed when the desk started, as the commands use; not the options, which an app may change.
            var measure = _clocks.MeasureOf(clock.Name);
            var remaining = clock.Status switch
            {
                ClockStatus.Running => measure.Elapsed(now, clock.DueAt),
                ClockStatus.Paused => clock.RemainingToDue ?? TimeSpan.Zero,
                _ => TimeSpan.Zero,
            };
            return new ClockReading(clock.Name, clock.Status, clock.DueAt, remaining, clock.Warned, clock.Breached, clock.Regulatory);
        })];
    }

    public ValueTask<ComplaintCase> GetAsync(ComplaintId caseId, CancellationToken cancellationToken = default) => _pipeline.LoadAsync(caseId, cancellationToken);

    public async ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        var history = await _store.GetHistoryAsync(caseId, cancellationToken).ConfigureAwait(false);
        return history.Count > 0 ? history : throw new ComplaintNotFoundException(caseId);
    }

    public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        StoreQueryValidation.Check(query);
        return _store.QueryAsync(query, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<string>> GetPermittedActionsAsync(ComplaintId caseId, Actor actor, CancellationToken cancellationToken = default) =>
        [.. (await GetAvailableActionsAsync(caseId, actor, cancellationToken).ConfigureAwait(false)).Where(a => a.IsAvailable).Select(a => a.Name)];

    public async ValueTask<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(ComplaintId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require.Actor(actor, nameof(actor));
        _authority.RankOf(actor, ListActionsAction);
        var current = await _pipeline.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return await _availability.ForAsync(current, actor, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<StepGuidance> GetGuidanceAsync(ComplaintId caseId, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        var current = await _pipeline.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return _playbook.GetGuidance(Process, current.Step, culture ?? CultureInfo.CurrentUICulture);
    }

    public async ValueTask<Outcomes.CustomerLetter> GetLetterAsync(ComplaintId caseId, Outcomes.CommunicationKind kind, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ComplaintValidationException(nameof(kind), $"'{kind}' is not a CommunicationKind.");
        }

        var current = await _pipeline.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return Outcomes.LetterBuilder.For(current, kind, _settings.Ends, _explanations, _settings.CultureOf(current), _time.GetUtcNow());
    }

    private ValueTask<ComplaintCase> RunAsync(ComplaintCommand command, ComplaintId? caseId, CancellationToken cancellationToken) =>
        ComplaintFlowTelemetry.CommandsObserved ? MeasuredAsync(command, caseId, cancellationToken) : _pipeline.RunAsync(command, cancellationToken);

    /// <summary>Runs one change inside its activity and counts its outcome.</summary>
    private async ValueTask<ComplaintCase> MeasuredAsync(ComplaintCommand command, ComplaintId? caseId, CancellationToken cancellationToken)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var action = command.Action;
        using var activity = ComplaintFlowTelemetry.StartCommand(action, caseId);
        var outcome = "failed";
        try
        {
            var result = await _pipeline.RunAsync(command, cancellationToken).ConfigureAwait(false);
            outcome = "applied";
            activity?.SetTag("complaintflow.case_id", result.Id.ToString());
            return result;
        }
        catch (ComplaintConcurrencyException)
        {
            outcome = "conflict";
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (a client disconnected, a host stopping): not a failure to alert on.
            outcome = "cancelled";
            throw;
        }
        catch (ComplaintFlowException exception) when (exception is not (ComplaintStoreException or ComplaintDataException or EscalationPolicyFailedException))
        {
            // A refusal names what the caller or the case must change; an outage, damaged data or an app policy that
            // threw are failures, and must reach the failure rate that alerts are set on.
            outcome = "refused";
            throw;
        }
        finally
        {
            ComplaintFlowTelemetry.Completed(activity, action, outcome, startedAt);
        }
    }
}
