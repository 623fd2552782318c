using System.Collections.Immutable;
using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using ComplaintFlow.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow;

/// <summary>
/// The command pipeline: validate, replay an idempotent repeat, load, ask the process, check authority and
/// feasibility, apply, save with the version read, then hand the events to the app's handlers.
/// </summary>
internal sealed class ComplaintDesk : IComplaintDesk
{
    private const string OpenAction = "open";
    private const string RecordDueClocksAction = "record-due-clocks";

    private readonly IComplaintStore _store;
    private readonly TimeProvider _time;
    private readonly AuthorityRules _authority;
    private readonly IRemedyFeasibilityCheck _feasibility;
    private readonly Outbox.OutboxDispatcher _outbox;
    private readonly bool _dispatchAfterCommand;
    private readonly IEscalationPolicy[] _escalationPolicies;
    private readonly IComplaintAuthorizationPolicy[] _authorizationPolicies;
    private readonly Func<string, int?> _rankOf;
    private readonly ClockEngine _clocks;
    private readonly BusinessCalendar _calendar;
    private readonly int _maxUnansweredFollowUps;
    private readonly IComplaintPlaybook _playbook;
    private readonly ILogger _logger;
    private readonly RecentCases? _recent;

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
        ILoggerFactory? loggerFactory = null)
    {
        _store = store;

        // The in-memory store's read is already a dictionary lookup; remembering copies pays off only on a database.
        _recent = store is InMemoryComplaintStore ? null : new RecentCases(capacity: 4096);
        Process = process;
        _time = time;
        _authority = new AuthorityRules(options.Value);
        Options = options.Value;
        _feasibility = feasibility;
        _outbox = outbox;
        _dispatchAfterCommand = options.Value.Outbox.DispatchAfterCommand;
        _escalationPolicies = [.. escalationPolicies];
        _authorizationPolicies = [.. authorizationPolicies];
        _rankOf = _authority.TryRankOf;
        _clocks = new ClockEngine(options.Value.Clocks);
        _calendar = options.Value.Clocks.Calendar;
        _maxUnansweredFollowUps = options.Value.MaxUnansweredFollowUps;
        _playbook = playbook;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ComplaintDesk>();
    }

    public ComplaintProcess Process { get; }

    private ComplaintFlowOptions Options { get; }

    public ValueTask<ComplaintCase> OpenAsync(OpenComplaint command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ComplaintFlowTelemetry.CommandsObserved
            ? MeasuredAsync(OpenAction, null, command, static (desk, open, token) => desk.OpenCoreAsync(open, token), cancellationToken)
            : OpenCoreAsync(command, cancellationToken);
    }

    public ValueTask<ComplaintCase> ExecuteAsync(ComplaintCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ComplaintFlowTelemetry.CommandsObserved
            ? MeasuredAsync(command.Action, command.CaseId, command, static (desk, execute, token) => desk.ExecuteCoreAsync(execute, token), cancellationToken)
            : ExecuteCoreAsync(command, cancellationToken);
    }

    /// <summary>Runs one command inside its activity and counts its outcome. Static lambdas keep it allocation-free.</summary>
    private async ValueTask<ComplaintCase> MeasuredAsync<TCommand>(
        string action, ComplaintId? caseId, TCommand command, Func<ComplaintDesk, TCommand, CancellationToken, ValueTask<ComplaintCase>> run, CancellationToken cancellationToken)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = ComplaintFlowTelemetry.StartCommand(action, caseId);
        var outcome = "failed";
        try
        {
            var result = await run(this, command, cancellationToken).ConfigureAwait(false);
            outcome = "applied";
            activity?.SetTag("complaintflow.case_id", result.Id.ToString());
            return result;
        }
        catch (ComplaintConcurrencyException)
        {
            outcome = "conflict";
            throw;
        }
        catch (ComplaintFlowException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            ComplaintFlowTelemetry.Completed(activity, action, outcome, startedAt);
        }
    }

    private async ValueTask<ComplaintCase> OpenCoreAsync(OpenComplaint command, CancellationToken cancellationToken)
    {
        var categories = command.Validate();
        _authority.RequireActionAllowed(command.Actor, OpenAction);
        var now = _time.GetUtcNow();
        if (command.ReceivedAt > now)
        {
            throw new ComplaintValidationException(nameof(OpenComplaint.ReceivedAt), $"is {command.ReceivedAt:O}, which is in the future (now is {now:O}).");
        }

        string? fingerprint = null;
        if (command.IdempotencyKey is { } key)
        {
            fingerprint = CommandFingerprint.Of(command);
            if (await FindEarlierResultAsync(key, fingerprint, OpenAction, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }
        }

        try
        {
            return await OpenNewAsync(command, categories, now, fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintFlowException exception) when (fingerprint is not null && exception is not (ComplaintStoreException or IdempotencyKeyReusedException))
        {
            // A caller with the same key may have committed while this one was deciding; the refusal then came only from
            // that commit, so answer with the first result, as a repeat would. Otherwise the refusal stands.
            if (await FindEarlierResultAsync(command.IdempotencyKey!, fingerprint, OpenAction, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            throw;
        }
    }

    private async ValueTask<ComplaintCase> OpenNewAsync(OpenComplaint command, ImmutableArray<string> categories, DateTimeOffset now, string? fingerprint, CancellationToken cancellationToken)
    {
        var id = ComplaintId.New(_time);
        var receivedAt = command.ReceivedAt ?? now;
        var step = Process.StepIds[0];
        var opened = new ComplaintCase
        {
            Id = id,
            Version = 1,
            ProcessVersion = Process.Version,
            Step = step,
            CustomerRef = command.CustomerRef,
            Channel = command.Channel,
            Summary = command.Summary,
            ReceivedAt = receivedAt,
            OpenedAt = now,
            UpdatedAt = now,
            OpenedBy = command.Actor,
            Proactive = command.Proactive,
            Severity = command.Severity,
            Flags = command.Flags,
            Categories = categories,
            Tier = _authority.JuniorTier,
        };
        var data = new ComplaintOpened(command.CustomerRef, command.Channel, command.Summary, receivedAt, command.Severity, command.Flags, categories, command.Proactive);
        await AuthorizeAsync(new AuthorizationContext(command.Actor, OpenAction, null, command), cancellationToken).ConfigureAwait(false);
        var events = Record(null, opened, new Applied(opened, data), step, command.Actor, now);
        (opened, events) = await EscalateAsync(opened, null, command.Actor, OpenAction, events, now, cancellationToken).ConfigureAwait(false);
        return await SaveAndDispatchAsync(opened, 0, events, command.IdempotencyKey, fingerprint, OpenAction, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ComplaintCase> ExecuteCoreAsync(ComplaintCommand command, CancellationToken cancellationToken)
    {
        command.Validate();

        string? fingerprint = null;
        if (command.IdempotencyKey is { } key)
        {
            fingerprint = CommandFingerprint.Of(command, Process);
            if (await FindEarlierResultAsync(key, fingerprint, command.Action, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }
        }

        try
        {
            return await DecideOnLatestAsync(command, fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintFlowException exception) when (fingerprint is not null && exception is not (ComplaintStoreException or IdempotencyKeyReusedException))
        {
            // A caller with the same key may have committed while this one was deciding; the refusal then came only from
            // that commit, so answer with the first result, as a repeat would. Otherwise the refusal stands.
            if (await FindEarlierResultAsync(command.IdempotencyKey!, fingerprint, command.Action, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            throw;
        }
    }

    private async ValueTask<ComplaintCase> DecideOnLatestAsync(ComplaintCommand command, string? fingerprint, CancellationToken cancellationToken)
    {
        if (_recent?.Find(command.CaseId) is { } remembered)
        {
            try
            {
                return await DecideAsync(command, remembered, fingerprint, cancellationToken).ConfigureAwait(false);
            }
            catch (ComplaintFlowException exception) when (exception is not ComplaintStoreException)
            {
                // The remembered copy may have been stale (another desk or process wrote since), so neither its version
                // conflict nor its refusal can be trusted: decide once more on what the store holds now. Nothing was
                // saved, so deciding again applies the command at most once.
                _recent.Forget(command.CaseId);
            }
        }

        return await DecideAsync(command, await LoadAsync(command.CaseId, cancellationToken).ConfigureAwait(false), fingerprint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Routes, checks and applies a command against <paramref name="current"/>, then saves it at that version.</summary>
    private async ValueTask<ComplaintCase> DecideAsync(ComplaintCommand command, ComplaintCase current, string? fingerprint, CancellationToken cancellationToken)
    {
        if (command.ExpectedVersion is { } expected && expected != current.Version)
        {
            throw new ComplaintConcurrencyException(current.Id, expected, current.Version);
        }

        _authority.RankOf(command.Actor, command.Action);
        var now = _time.GetUtcNow();
        var trigger = command.TriggerFor(new TriggerContext(Process, current, _maxUnansweredFollowUps));
        var next = Process.Router.Route(current, trigger, new GuardContext(now, _authority.ReopenWindow));
        var action = Triggers.ToAction(trigger);
        _authority.RequireActionAllowed(command.Actor, action);
        var context = new CommandContext(current, now, next, _authority, Process);
        command.CheckAgainst(context);
        if (_authorizationPolicies.Length > 0)
        {
            await AuthorizeAsync(new AuthorizationContext(command.Actor, action, current, command), cancellationToken).ConfigureAwait(false);
        }

        if (command is ProposeResolution proposal)
        {
            if (proposal.FindShortfall(_authority) is { } shortfall)
            {
                // PR-07: never promise beyond authority. The case goes to someone who can approve it, or the proposal is refused.
                var escalated = await EscalateInsteadAsync(current, command, shortfall, now, fingerprint, cancellationToken).ConfigureAwait(false);
                return escalated ?? throw new ComplaintAuthorizationException(command.Actor.Id, action, shortfall.Describe());
            }

            await RequireFeasibleAsync(current, proposal, cancellationToken).ConfigureAwait(false);
        }

        var applied = command.Apply(context);

        // Stamp only a copy the command made; never the stored snapshot.
        var updated = ReferenceEquals(applied.Case, current) ? current with { } : applied.Case;
        var events = Record(current, updated, applied, next, command.Actor, now);
        (updated, events) = await EscalateAsync(updated, current, command.Actor, action, events, now, cancellationToken).ConfigureAwait(false);
        return await SaveAndDispatchAsync(updated, current.Version, events, command.IdempotencyKey, fingerprint, command.Action, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ComplaintCase> RecordDueClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        // Two workers may reach the same case: the loser of the version race reloads and finds nothing left to record.
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (ClockEngine.Due(current, now) is not { } due)
            {
                return current;
            }

            var updated = current with { Clocks = due.Clocks, NextDueAt = due.NextDueAt };
            updated.Stamp(current.Step, current.Version + due.Events.Length, now);
            var events = new ComplaintEvent[due.Events.Length];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = new ComplaintEvent(current.Id, current.Version + i + 1, now, Actor.System, current.Step, due.Events[i]);
                if (due.Events[i] is ClockBreached breached)
                {
                    Log.ClockBreached(_logger, current.Id, breached.Name, breached.DueAt, breached.Regulatory);
                }
            }

            (updated, events) = await EscalateAsync(updated, current, Actor.System, RecordDueClocksAction, events, now, cancellationToken).ConfigureAwait(false);
            try
            {
                return await SaveAndDispatchAsync(updated, current.Version, events, null, null, RecordDueClocksAction, cancellationToken).ConfigureAwait(false);
            }
            catch (ComplaintConcurrencyException) when (attempt < 3)
            {
                // Someone else changed the case first; look again.
            }
        }
    }

    public async ValueTask<IReadOnlyList<ClockReading>> GetClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        var current = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var definitions = Options.Clocks.Clocks.ToDictionary(d => d.Name, StringComparer.Ordinal);
        return [.. current.Clocks.Select(clock =>
        {
            var measure = definitions.TryGetValue(clock.Name, out var definition) && !definition.Deadline.CountsBusinessTime ? BusinessCalendar.AlwaysOpen : _calendar;
            var remaining = clock.Status switch
            {
                ClockStatus.Running => measure.Elapsed(now, clock.DueAt),
                ClockStatus.Paused => clock.RemainingToDue ?? TimeSpan.Zero,
                _ => TimeSpan.Zero,
            };
            return new ClockReading(clock.Name, clock.Status, clock.DueAt, remaining, clock.Warned, clock.Breached, clock.Regulatory);
        })];
    }

    public ValueTask<ComplaintCase> GetAsync(ComplaintId caseId, CancellationToken cancellationToken = default) => LoadAsync(caseId, cancellationToken);

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

    public async ValueTask<IReadOnlyList<string>> GetPermittedActionsAsync(ComplaintId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var current = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var rank = _authority.RankOf(actor, "list-actions");
        var machine = Process.Machines.Rent();
        try
        {
            var triggers = await machine.GetPermittedTriggersAsync(current, new GuardContext(_time.GetUtcNow(), _authority.ReopenWindow)).ConfigureAwait(false);
            return [.. triggers
                .Select(Triggers.ToAction)
                .Distinct(StringComparer.Ordinal)
                .Where(action => _authority.MayTake(rank, action))];
        }
        finally
        {
            Process.Machines.Return(machine);
        }
    }

    public async ValueTask<StepGuidance> GetGuidanceAsync(ComplaintId caseId, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        var current = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return _playbook.GetGuidance(Process, current.Step, culture ?? CultureInfo.CurrentUICulture);
    }

    private async ValueTask<ComplaintCase> LoadAsync(ComplaintId caseId, CancellationToken cancellationToken)
    {
        var found = await _store.FindAsync(caseId, cancellationToken).ConfigureAwait(false) ?? throw new ComplaintNotFoundException(caseId);
        return Process.HasStep(found.Step)
            ? found
            : throw new ComplaintDataException(caseId, $"its step '{found.Step}' is not part of the configured process {Process.Version} (the case was opened under {found.ProcessVersion}). Configure a process that has this step, or migrate the case.");
    }

    /// <summary>
    /// Lets the clocks react to what the command did, then numbers the command's events and stamps the new snapshot,
    /// which must be a copy the command made and nobody has seen.
    /// </summary>
    private ComplaintEvent[] Record(ComplaintCase? previous, ComplaintCase updated, in Applied applied, string step, Actor actor, DateTimeOffset now)
    {
        var first = (previous?.Version ?? 0) + 1;
        updated.Stamp(step, first - 1 + applied.EventCount, now);
        var clocks = _clocks.Advance(previous, updated, applied.Event, applied.Then, now);
        var events = new ComplaintEvent[applied.EventCount + (clocks is null ? 0 : clocks.Events.Length)];
        events[0] = new ComplaintEvent(updated.Id, first, now, actor, step, applied.Event);
        if (applied.Then is { } then)
        {
            events[1] = new ComplaintEvent(updated.Id, first + 1, now, actor, step, then);
        }

        if (clocks is not null)
        {
            for (var i = 0; i < clocks.Events.Length; i++)
            {
                events[applied.EventCount + i] = new ComplaintEvent(updated.Id, first + applied.EventCount + i, now, actor, step, clocks.Events[i]);
            }

            updated.SetClocks(clocks.Clocks, clocks.NextDueAt);
        }

        updated.Stamp(step, first - 1 + events.Length, now);
        return events;
    }

    private async ValueTask AuthorizeAsync(AuthorizationContext context, CancellationToken cancellationToken)
    {
        foreach (var policy in _authorizationPolicies)
        {
            var decision = await policy.AuthorizeAsync(context, cancellationToken).ConfigureAwait(false);
            if (!decision.IsAllowed)
            {
                throw new ComplaintAuthorizationException(context.Actor.Id, context.Action, decision.MissingAuthority ?? $"refused by {policy.GetType().Name}.");
            }
        }
    }

    /// <summary>Runs every escalation policy on what the command did; applies the most senior new target, if any.</summary>
    private async ValueTask<(ComplaintCase Case, ComplaintEvent[] Events)> EscalateAsync(
        ComplaintCase updated, ComplaintCase? previous, Actor actor, string action, ComplaintEvent[] events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_escalationPolicies.Length == 0)
        {
            return (updated, events);
        }

        var context = new EscalationContext(updated, previous, actor, action, events, null, _rankOf);
        if (await DecideEscalationAsync(context, cancellationToken).ConfigureAwait(false) is not { } decision)
        {
            return (updated, events);
        }

        var escalated = Escalate(updated, decision, updated.Version + 1, now);
        return (escalated, [.. events, new ComplaintEvent(updated.Id, escalated.Version, now, actor, escalated.Step, decision.Event)]);
    }

    /// <summary>For a proposal beyond the actor's authority: escalates without recording the proposal, or returns null.</summary>
    private async ValueTask<ComplaintCase?> EscalateInsteadAsync(
        ComplaintCase current, ComplaintCommand command, AuthorityShortfall shortfall, DateTimeOffset now, string? fingerprint, CancellationToken cancellationToken)
    {
        var context = new EscalationContext(current, current, command.Actor, command.Action, [], shortfall, _rankOf);
        if (await DecideEscalationAsync(context, cancellationToken).ConfigureAwait(false) is not { } decision)
        {
            return null;
        }

        var escalated = Escalate(current, decision, current.Version + 1, now);
        ComplaintEvent[] events = [new(current.Id, escalated.Version, now, command.Actor, escalated.Step, decision.Event)];
        return await SaveAndDispatchAsync(escalated, current.Version, events, command.IdempotencyKey, fingerprint, command.Action, cancellationToken).ConfigureAwait(false);
    }

    private static ComplaintCase Escalate(ComplaintCase complaint, EscalationDecision decision, long version, DateTimeOffset now)
    {
        var escalated = complaint with { Tier = decision.Event.ToTier, Team = decision.Event.ToTeam, EscalationCauses = complaint.EscalationCauses.Add(decision.Event.Cause) };
        escalated.Stamp(complaint.Step, version, now);
        return escalated;
    }

    private async ValueTask<EscalationDecision?> DecideEscalationAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        var complaint = context.Case;
        var currentRank = _authority.TryRankOf(complaint.Tier) ?? -1;
        EscalationRequest? best = null;
        string? bestPolicy = null;
        var bestRank = -1;
        foreach (var policy in _escalationPolicies)
        {
            EscalationRequest? request;
            try
            {
                request = await policy.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ComplaintFlowException exception) when (exception is ComplaintStoreException or ComplaintDataException)
            {
                // The store failed, or another case's data did: not the policy's fault, so not reported as its failure.
                throw;
            }
#pragma warning disable CA1031 // Any failure of app code is reported as the policy's, naming it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                throw new EscalationPolicyFailedException(policy.Name, complaint.Id, $"it threw {exception.GetType().Name}: {exception.Message}", exception);
            }

            if (request is null || complaint.EscalationCauses.Contains(request.Cause))
            {
                continue;
            }

            var rank = EscalationRequests.Check(request, policy.Name, complaint.Id, _authority);
            var moves = rank > currentRank || (rank == currentRank && request.Team is not null && request.Team != complaint.Team);
            if (moves && rank > bestRank)
            {
                (best, bestPolicy, bestRank) = (request, policy.Name, rank);
            }
        }

        if (best is null)
        {
            return null;
        }

        Log.Escalated(_logger, complaint.Id, best.Tier, best.Team, best.Cause, bestPolicy!);
        return new EscalationDecision(new ComplaintEscalated(complaint.Tier, complaint.Team, best.Tier, best.Team, best.Cause, best.Reason, best.CustomerExplanation, bestPolicy!));
    }

    private async ValueTask RequireFeasibleAsync(ComplaintCase current, ProposeResolution proposal, CancellationToken cancellationToken)
    {
        IReadOnlyList<Remedy> remedies = proposal.Alternatives.IsDefaultOrEmpty ? proposal.Remedies : [.. proposal.Remedies, .. proposal.Alternatives];
        var result = await _feasibility.CheckAsync(current, remedies, cancellationToken).ConfigureAwait(false);
        if (!result.IsFeasible)
        {
            throw new RemedyNotFeasibleException(current.Id, result.Reason ?? "the app's feasibility check gave no reason.");
        }
    }

    private async ValueTask<ComplaintCase?> FindEarlierResultAsync(string key, string fingerprint, string action, CancellationToken cancellationToken)
    {
        var record = await _store.FindIdempotencyRecordAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        if (record.Fingerprint != fingerprint)
        {
            throw new IdempotencyKeyReusedException(key, record.CaseId);
        }

        Log.Replayed(_logger, action, key, record.CaseId);
        return record.Result;
    }

    private async ValueTask<ComplaintCase> SaveAndDispatchAsync(
        ComplaintCase updated, long expectedVersion, ComplaintEvent[] events, string? key, string? fingerprint, string action, CancellationToken cancellationToken)
    {
        var idempotency = key is null ? null : new IdempotencyRecord(key, fingerprint!, updated.Id, updated);
        try
        {
            var change = new ComplaintChange(updated, expectedVersion, events, idempotency) { EnqueueForDispatch = _outbox.HasHandlers };
            await _store.SaveAsync(change, cancellationToken).ConfigureAwait(false);
            _recent?.Remember(updated);
        }
        catch (IdempotencyKeyConflictException) when (key is not null)
        {
            // A concurrent retry with the same key saved first: answer as it did.
            return await FindEarlierResultAsync(key, fingerprint!, action, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The store reported idempotency key '{key}' as taken but cannot find its record.");
        }
        catch (ComplaintConcurrencyException conflict)
        {
            _recent?.Forget(conflict.CaseId);
            Log.Conflict(_logger, action, conflict.CaseId, conflict.ExpectedVersion, conflict.ActualVersion);
            if (key is not null && await FindEarlierResultAsync(key, fingerprint!, action, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            throw;
        }

        ComplaintFlowTelemetry.Saved(updated, events);
        if (_dispatchAfterCommand && _outbox.HasHandlers)
        {
            await DispatchAfterCommandAsync(updated.Id, cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    private async ValueTask DispatchAfterCommandAsync(ComplaintId caseId, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.DispatchCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The change is committed and its events are in the outbox; reporting a delivery problem as the command's failure would invite a retry.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DispatchAfterCommandFailed(_logger, exception, caseId);
        }
    }
}
