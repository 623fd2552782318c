using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Storage;
using ComplaintFlow.Telemetry;
using ComplaintFlow.Time;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow;

/// <summary>
/// The one path every change to a case takes: opening, any command, an escalation in place of a proposal, recording
/// due clocks. Validate, replay a keyed repeat, load, route, authorise, check, apply, clocks, number the events and
/// stamp the snapshot, escalation, save, dispatch. Commands contribute through their own members; nothing here asks
/// what type a command or a store is.
/// </summary>
internal sealed class DecisionPipeline(
    IComplaintStore store,
    ComplaintProcess process,
    PipelineSettings settings,
    TimeProvider time,
    IRemedyFeasibilityCheck feasibility,
    OutboxDispatcher outbox,
    EscalationArbiter escalation,
    IComplaintAuthorizationPolicy[] authorization,
    AuthorityRules authority,
    ClockEngine clocks,
    ILogger logger)
{
    // A database read costs a round trip; the in-memory store's is a dictionary lookup, so there nothing is remembered.
    private readonly RecentCases? _recent = store.Capabilities.HasFlag(StoreCapabilities.CheapReads) ? null : new RecentCases(capacity: 4096);
    private readonly Func<string, int?> _rankOf = authority.TryRankOf;

    // Looked up once, through the app's decorators: a store that keeps report rows gets them with every save.
    private readonly Reports.IReportQueries? _reports = StoreChain.ReportsOf(store);

    public async ValueTask<ComplaintCase> RunAsync(ComplaintCommand command, CancellationToken cancellationToken)
    {
        // 1. Validate: the command's own fields, nothing about the case.
        command.Validate();

        // 2. Replay a keyed repeat: the same key and command answer with the first result, never apply twice.
        var fingerprint = command.IdempotencyKey is null ? null : command.Fingerprint(process);
        if (fingerprint is not null && await ReplayAsync(command, fingerprint, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // 3. Load: a new case for opening; otherwise the copy this desk saved last, or the store's.
                var now = time.GetUtcNow();
                var (current, remembered) = command.NewCase(process, authority, now) is { } created
                    ? (created, false)
                    : await LoadAsync(command.CaseId, allowRemembered: attempt == 1, cancellationToken).ConfigureAwait(false);
                try
                {
                    var decided = await DecideAsync(command, current, now, fingerprint, cancellationToken).ConfigureAwait(false);
                    if (!remembered || !ReferenceEquals(decided, current))
                    {
                        return decided;
                    }

                    // Nothing to save, so no version check met the remembered copy, which may be stale (another desk may
                    // have started a clock that is now due): decide again on the store's.
                    _recent?.Forget(command.CaseId);
                }
                catch (ComplaintFlowException exception) when (exception is not ComplaintStoreException && (remembered || (command.RedecideOnConflict && exception is ComplaintConcurrencyException && attempt < 3)))
                {
                    // A remembered copy may be stale (another desk or process wrote since), so neither its conflict nor its
                    // refusal can be trusted; and an idempotent change beaten to the case looks again. Nothing was saved,
                    // so deciding again applies the change at most once.
                    _recent?.Forget(command.CaseId);
                }
            }
        }
        catch (ComplaintFlowException exception) when (fingerprint is not null && exception is not (ComplaintStoreException or IdempotencyKeyReusedException))
        {
            // A caller with the same key may have committed while this one decided; the refusal then came only from that
            // commit, so answer with the first result, as a repeat would. Otherwise the refusal stands.
            if (await ReplayAsync(command, fingerprint, cancellationToken).ConfigureAwait(false) is { } first)
            {
                return first;
            }

            throw;
        }
    }

    public async ValueTask<ComplaintCase> LoadAsync(ComplaintId caseId, CancellationToken cancellationToken) =>
        (await LoadAsync(caseId, allowRemembered: false, cancellationToken).ConfigureAwait(false)).Case;

    private async ValueTask<ComplaintCase> DecideAsync(ComplaintCommand command, ComplaintCase current, DateTimeOffset now, string? fingerprint, CancellationToken cancellationToken)
    {
        var isNew = current.Version == 0;
        if (command.ExpectedVersion is { } expected && expected != current.Version)
        {
            throw new ComplaintConcurrencyException(current.Id, expected, current.Version);
        }

        // 4. Route: where the process takes the case, or why it will not.
        var guard = settings.GuardAt(now);
        var trigger = command.TriggerFor(new TriggerContext(process, current, settings.MaxUnansweredFollowUps));
        var route = trigger is null ? null : process.Router.Resolve(current, trigger, guard);
        var action = trigger is null ? command.Action : Triggers.ToAction(trigger);

        // 5. Authorise: tiers, roles, the step's performers and escalated cases; then the app's own rules.
        authority.Require(command.Actor, action, isNew ? null : current, route is { OwnedByStep: true } ? process.GetFacts(route.From).PerformedBy : null);
        if (await AppAuthorization.MissingAuthorityAsync(authorization, command.Actor, action, isNew ? null : current, command.AuthorizationSubject, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            throw new ComplaintAuthorizationException(command.Actor.Id, action, missing);
        }

        // 6. Check: the command against the case; then its last checks, which may turn it into an escalation (PR-07).
        var nextStep = route?.To ?? current.Step;
        command.CheckAgainst(new CommandContext(current, null!, now, nextStep, authority, process, settings.Ends));
        var shortfall = await command.PrepareAsync(new PreparationContext(current, authority, feasibility), cancellationToken).ConfigureAwait(false);

        // 7. Apply: the command writes its effect to a draft of the case; an escalation in place of a proposal applies
        // nothing and moves nowhere. From here to the stamp nothing is awaited, so the draft stays with this change.
        var draft = CaseDraft.Of(current);
        var applied = shortfall is null ? command.Apply(new CommandContext(current, draft, now, nextStep, authority, process, settings.Ends)) : default;
        route = shortfall is null ? route : null;

        // 8. Clocks: past the steps that do not apply, then the clocks' reaction to the change and to the steps it moved.
        List<ComplaintEventData>? passedOver = null;
        var step = StepEntry.Land(process, route, draft, guard, ref passedOver);
        var clockUpdate = command.RecordsDueClocks ? ClockEngine.Due(current, now)
            : clocks.HasClocks ? clocks.Advance(StepEntry.ClockInputs(process, current, route, step, applied), now)
            : null;
        if (applied.EventCount == 0 && passedOver is null && clockUpdate is null && shortfall is null)
        {
            draft.Release();
            return current;
        }

        // 9. Number the events and stamp the snapshot, once; 10. escalation, on the case as the change leaves it.
        var (updated, events) = CaseStamp.Stamp(draft, current.Version, step, now, command.Actor, applied, passedOver, clockUpdate);
        var escalated = escalation.Wants(events, shortfall)
            ? await escalation.DecideAsync(new EscalationContext(updated, isNew ? null : current, command.Actor, action, events, shortfall, _rankOf, now, settings.Calendar, settings.CultureOf(updated)), cancellationToken).ConfigureAwait(false)
            : null;
        if (escalated is not null)
        {
            (updated, events) = CaseStamp.Escalate(updated, events, now, command.Actor, escalated);
        }
        else if (shortfall is not null)
        {
            throw new ComplaintAuthorizationException(command.Actor.Id, action, shortfall.Describe());
        }

        LogBreaches(updated.Id, clockUpdate);

        // 11. Save, version-checked, with the idempotency record and the outbox in the same transaction; 12. dispatch.
        return await SaveAndDispatchAsync(command, updated, current, events, fingerprint, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<(ComplaintCase Case, bool Remembered)> LoadAsync(ComplaintId caseId, bool allowRemembered, CancellationToken cancellationToken)
    {
        if (allowRemembered && _recent?.Find(caseId) is { } remembered)
        {
            return (remembered, true);
        }

        var found = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false) ?? throw new ComplaintNotFoundException(caseId);
        return process.HasStep(found.Step)
            ? (found, false)
            : throw new ComplaintDataException(caseId, $"its step '{found.Step}' is not part of the configured process {process.Version} (the case was opened under {found.ProcessVersion}). Configure a process that has this step, or migrate the case.");
    }

    private async ValueTask<ComplaintCase?> ReplayAsync(ComplaintCommand command, string fingerprint, CancellationToken cancellationToken)
    {
        var key = command.IdempotencyKey!;
        var record = await store.FindIdempotencyRecordAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        if (record.Fingerprint != fingerprint)
        {
            throw new IdempotencyKeyReusedException(key, record.CaseId);
        }

        Log.Replayed(logger, command.Action, key, record.CaseId);
        return record.Result;
    }

    private async ValueTask<ComplaintCase> SaveAndDispatchAsync(
        ComplaintCommand command, ComplaintCase updated, ComplaintCase before, ComplaintEvent[] events, string? fingerprint, CancellationToken cancellationToken)
    {
        var expectedVersion = before.Version;
        var idempotency = fingerprint is null ? null : new IdempotencyRecord(command.IdempotencyKey!, fingerprint, updated.Id, updated);
        try
        {
            // Stores that keep report rows get them with the change, to write in its transaction.
            var report = _reports is null ? null : Reports.CaseReporting.Update(before, updated, events, settings.Calendar, settings.Ends);
            await store.SaveAsync(new ComplaintChange(updated, expectedVersion, events, idempotency) { EnqueueForDispatch = outbox.HasHandlers, Report = report }, cancellationToken).ConfigureAwait(false);
            _recent?.Remember(updated);
        }
        catch (IdempotencyKeyConflictException) when (fingerprint is not null)
        {
            // A concurrent retry with the same key saved first: answer as it did.
            return await ReplayAsync(command, fingerprint, cancellationToken).ConfigureAwait(false)
                ?? throw new ComplaintStoreException(store.GetType().Name, $"it refused idempotency key '{command.IdempotencyKey}' as taken, but has no record under it to answer with. A store must save a key's record in the same transaction as the change it belongs to.", isTransient: false);
        }
        catch (ComplaintConcurrencyException conflict)
        {
            _recent?.Forget(conflict.CaseId);
            Log.Conflict(logger, command.Action, conflict.CaseId, conflict.ExpectedVersion, conflict.ActualVersion);
            throw;
        }

        ComplaintFlowTelemetry.Saved(updated, events);
        if (settings.DispatchAfterCommand && outbox.HasHandlers)
        {
            await outbox.DispatchAfterCommandAsync(updated.Id, cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    private void LogBreaches(ComplaintId caseId, ClockUpdate? clockUpdate)
    {
        // Breaches are found only by the due-clock check; a command's own reaction never records one.
        foreach (var data in clockUpdate?.Due ?? [])
        {
            if (data is ClockBreached breached)
            {
                Log.ClockBreached(logger, caseId, breached.Name, breached.DueAt, breached.Regulatory);
            }
        }
    }
}
