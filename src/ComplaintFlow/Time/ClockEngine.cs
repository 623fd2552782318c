using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComplaintFlow.Events;
using ComplaintFlow.Steps;

namespace ComplaintFlow.Time;

/// <summary>
/// Starts, stops, resets, pauses and resumes a case's clocks as commands happen, and records warnings and breaches as
/// time passes. Pure: it reads the case, the command's events and the time, and returns what changed.
/// </summary>
internal sealed class ClockEngine
{
    private readonly ClockDefinition[] _definitions;
    private readonly ClockTriggers[] _reactsTo;
    private readonly ClockTriggers _anyReacts;
    private readonly BusinessCalendar _calendar;

    public ClockEngine(ClockSettings settings)
    {
        _definitions = [.. settings.Clocks];
        _reactsTo = [.. _definitions.Select(d => d.StartsOn | d.StopsOn | d.ResetsOn | ClockTriggers.Closed)];
        _anyReacts = _reactsTo.Aggregate(ClockTriggers.None, (all, one) => all | one);
        _calendar = settings.Calendar;
    }

    /// <summary>False when no clock is configured, so a change need not gather what the clocks would read.</summary>
    public bool HasClocks => _definitions.Length > 0;

    /// <summary>The clock names the engine knows, for checking a process's step clock rules.</summary>
    public IEnumerable<string> ClockNames => _definitions.Select(d => d.Name);

    /// <summary>
    /// The calendar a clock of this name counts its remaining time in: calendar time for a calendar-time deadline, the
    /// business calendar otherwise (also for a clock no longer configured, as it was most likely started under it).
    /// </summary>
    public BusinessCalendar MeasureOf(string clock)
    {
        foreach (var definition in _definitions)
        {
            if (definition.Name == clock)
            {
                return definition.Deadline.CountsBusinessTime ? _calendar : BusinessCalendar.AlwaysOpen;
            }
        }

        return _calendar;
    }

    /// <summary>True when some configured clock starts on a trigger (not only on a step's rule).</summary>
    public bool StartsOnATrigger(string clock) => _definitions.Any(d => d.Name == clock && d.StartsOn != ClockTriggers.None);

    /// <summary>
    /// The clocks' reaction to a change, or <see langword="null"/> when no clock changes: the triggers its events carry,
    /// the step rules of the step it completed and the step it entered, and a pause or resume when it moved the case
    /// into or out of a step that waits on the customer.
    /// </summary>
    public ClockUpdate? Advance(in ClockChangeInputs change, DateTimeOffset now)
    {
        // Most commands touch no clock: decide that from masks before looking at any clock.
        var triggers = (TriggerOf(change.Happened) | TriggerOf(change.Then)) & _anyReacts;
        var waitChanged = change.WaitingBefore != change.WaitingAfter;
        var hasRules = !change.Completing.IsDefaultOrEmpty || !change.Entering.IsDefaultOrEmpty;
        if (triggers == ClockTriggers.None && !waitChanged && !hasRules)
        {
            return null;
        }

        return ReactToChange(change, triggers, waitChanged, hasRules, now);
    }

    // Apart from Advance, so a change that touches no clock returns without paying for this method's stack buffers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ClockUpdate? ReactToChange(in ClockChangeInputs change, ClockTriggers triggers, bool waitChanged, bool hasRules, DateTimeOffset now)
    {
        var existing = change.Clocks;
        // A clock changes at most twice in one reaction (reset or started, then paused); each reacts at most once.
        var changes = new StackList<ClockChange>(2 * _definitions.Length);
        var reacted = new StackList<(int Index, CaseClock Clock)>(_definitions.Length);
        List<ComplaintEventData>? passed = null;
        var started = 0;
        for (var d = 0; d < _definitions.Length; d++)
        {
            var definition = _definitions[d];
            var rules = hasRules ? RulesFor(definition.Name, change.Completing) | RulesFor(definition.Name, change.Entering) : StepRules.None;
            var reacts = (triggers & _reactsTo[d]) != 0 || rules != StepRules.None || (waitChanged && definition.PausesWhileWaitingOnCustomer);
            var index = reacts || waitChanged ? IndexOf(existing, definition.Name) : -1;

            // A clock paused under an earlier definition that paused it is looked at too, so that it resumes.
            reacts |= waitChanged && index >= 0 && existing[index].Status == ClockStatus.Paused;

            if (!reacts)
            {
                continue;
            }

            if (React(definition, index >= 0 ? existing[index] : null, triggers, rules, change, now, ref changes, ref passed, out var updated))
            {
                // The clock's index in the case's clocks, or -1 for one the case did not carry.
                reacted.Add((index, updated));
                started += index < 0 ? 1 : 0;
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        // One array for the clocks after the change: the case's, with the changed ones replaced and the started ones last.
        var clocks = new CaseClock[existing.Length + started];
        existing.CopyTo(clocks);
        var next = existing.Length;
        for (var i = 0; i < reacted.Count; i++)
        {
            var (index, clock) = reacted[i];
            clocks[index >= 0 ? index : next++] = clock;
        }

        var result = ImmutableCollectionsMarshal.AsImmutableArray(clocks);
        return new ClockUpdate(result, NextDueAt(result), new ClocksChanged(changes.ToImmutable()), passed?.ToArray());
    }

    /// <summary>Warnings and breaches that are due at <paramref name="now"/>, or <see langword="null"/> when none are.</summary>
    public static ClockUpdate? Due(ComplaintCase complaint, DateTimeOffset now)
    {
        var clocks = complaint.Clocks.ToBuilder();
        List<ComplaintEventData>? changes = null;
        for (var i = 0; i < clocks.Count; i++)
        {
            clocks[i] = RecordPassed(clocks[i], now, ref changes);
        }

        if (changes is null)
        {
            return null;
        }

        var result = clocks.ToImmutable();
        return new ClockUpdate(result, NextDueAt(result), null, [.. changes]);
    }

    public static DateTimeOffset? NextDueAt(ImmutableArray<CaseClock> clocks)
    {
        var next = CompactTicks.None;
        foreach (var clock in clocks)
        {
            var due = clock.NextDueTicks;
            if (due != CompactTicks.None && (next == CompactTicks.None || due < next))
            {
                next = due;
            }
        }

        return CompactTicks.OptionalInstant(next);
    }

    /// <summary>How one clock reacts; false when it does not change.</summary>
    private bool React(ClockDefinition definition, CaseClock? current, ClockTriggers triggers, StepRules rules, in ClockChangeInputs change, DateTimeOffset now, ref StackList<ClockChange> changes, ref List<ComplaintEventData>? passed, out CaseClock clock)
    {
        var active = current is { Status: not ClockStatus.Stopped };
        var measure = definition.Deadline.CountsBusinessTime ? _calendar : BusinessCalendar.AlwaysOpen;
        var changed = false;
        clock = current!;

        if (active && ((triggers & (definition.StopsOn | ClockTriggers.Closed)) != 0 || (rules & StepRules.Stop) != 0))
        {
            // Met when it never breached: a running clock stopped after its deadline missed it, whether or not the
            // deadline worker got to record the breach first; a paused clock was not counting.
            var met = !clock.Breached && (clock.Status != ClockStatus.Running || now <= clock.DueAt);
            changes.Add(new ClockChange(definition.Name, ClockChangeKind.Stopped, null, Met: met));
            clock = clock with { Status = ClockStatus.Stopped, StoppedAt = now, RemainingToDue = null, RemainingToWarn = null };
            return true;
        }

        var closing = (triggers & ClockTriggers.Closed) != 0;
        if (active && ((triggers & definition.ResetsOn) != 0 || (rules & StepRules.Reset) != 0))
        {
            RecordPassed(clock, now, ref passed);
            clock = Start(definition, now, measure);
            changes.Add(new ClockChange(definition.Name, ClockChangeKind.Reset, clock.DueAt));
            changed = true;
        }
        else if (!active && !closing && ((triggers & definition.StartsOn) != 0 || (rules & StepRules.Start) != 0))
        {
            // Clocks started by the opening count from receipt: a letter opened today was received yesterday.
            var start = (triggers & definition.StartsOn & ClockTriggers.Opened) != 0 ? change.ReceivedAt : now;
            clock = Start(definition, start, measure);
            changes.Add(new ClockChange(definition.Name, ClockChangeKind.Started, clock.DueAt));
            changed = true;
        }

        if (!changed && !active)
        {
            return changed;
        }

        // Only a pausing, non-regulatory clock pauses; but any paused clock resumes once the wait is over, or at once when
        // its definition no longer pauses it (one paused under an earlier configuration must not stay paused for ever).
        var pauses = definition.PausesWhileWaitingOnCustomer && !definition.Regulatory;
        var waiting = change.WaitingAfter;
        if (pauses && clock.Status == ClockStatus.Running && waiting)
        {
            clock = RecordPassed(clock, now, ref passed);
            var remaining = measure.Elapsed(now, clock.DueAt);
            changes.Add(new ClockChange(definition.Name, ClockChangeKind.Paused, null, remaining));
            clock = clock with { Status = ClockStatus.Paused, RemainingToDue = remaining, RemainingToWarn = clock.Warned ? null : measure.Elapsed(now, clock.WarnAt) };
            return true;
        }

        if (clock.Status == ClockStatus.Paused && (!waiting || !pauses))
        {
            var due = measure.Add(now, clock.RemainingToDue ?? TimeSpan.Zero);
            changes.Add(new ClockChange(definition.Name, ClockChangeKind.Resumed, due));
            clock = clock with
            {
                Status = ClockStatus.Running,
                DueAt = due,
                WarnAt = clock.Warned ? clock.WarnAt : measure.Add(now, clock.RemainingToWarn ?? TimeSpan.Zero),
                RemainingToDue = null,
                RemainingToWarn = null,
            };
            return true;
        }

        return changed;
    }

    /// <summary>
    /// The warning and breach a running clock has already passed but the deadline worker has not recorded yet: a reset
    /// or a pause would otherwise erase them (a customer update a minute late, a case moved into waiting after its
    /// deadline), so they are recorded with the change, and the clock keeps them.
    /// </summary>
    private static CaseClock RecordPassed(CaseClock clock, DateTimeOffset now, ref List<ComplaintEventData>? passed)
    {
        if (clock.Status != ClockStatus.Running)
        {
            return clock;
        }

        if (!clock.Warned && now >= clock.WarnAt)
        {
            clock = clock with { Warned = true };
            (passed ??= []).Add(new ClockWarned(clock.Name, clock.DueAt));
        }

        // Strictly after: a stop at the deadline instant is met, so the breach exists only once the instant has passed.
        if (!clock.Breached && now > clock.DueAt)
        {
            clock = clock with { Breached = true };
            (passed ??= []).Add(new ClockBreached(clock.Name, clock.DueAt, clock.Regulatory));
        }

        return clock;
    }

    private static StepRules RulesFor(string clock, ImmutableArray<StepClockRule> rules)
    {
        var found = StepRules.None;
        foreach (var rule in rules.IsDefault ? [] : rules)
        {
            if (rule.Clock == clock)
            {
                found |= rule.Action switch
                {
                    StepClockAction.Start => StepRules.Start,
                    StepClockAction.Stop => StepRules.Stop,
                    _ => StepRules.Reset,
                };
            }
        }

        return found;
    }

    private CaseClock Start(ClockDefinition definition, DateTimeOffset start, BusinessCalendar measure)
    {
        var due = definition.Deadline.DueFrom(start, _calendar);
        // A clock with less time than its WarnBefore warns as it starts; subtracting the whole of it from the deadline
        // could carry the answer back past what the calendar answers for (a case received in 1905, warned ten years ahead).
        var warn = definition.WarnBefore is { } before
            ? before > measure.Elapsed(start, due) ? start : measure.Subtract(due, before)
            : measure.Add(start, measure.Elapsed(start, due) * definition.WarnAt);
        return new CaseClock(definition.Name, ClockStatus.Running, start, due, warn, false, false, definition.Regulatory, null, null, null);
    }

    private static int IndexOf(ImmutableArray<CaseClock> clocks, string name)
    {
        for (var i = 0; i < clocks.Length; i++)
        {
            if (clocks[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static ClockTriggers TriggerOf(ComplaintEventData? data) =>
        data switch
        {
            ComplaintOpened => ClockTriggers.Opened,
            ComplaintAcknowledged => ClockTriggers.Acknowledged,
            CustomerUpdated => ClockTriggers.CustomerUpdated,
            ProposalAccepted => ClockTriggers.Agreed,
            FulfilmentRecorded => ClockTriggers.Fulfilled,
            FollowUpRecorded or FollowUpWaived => ClockTriggers.FollowedUp,
            ComplaintReopened => ClockTriggers.Reopened,
            ComplaintClosed or ComplaintWithdrawn => ClockTriggers.Closed,
            // A final answer with nothing offered resolves the case for the service clocks; one with an offer agrees it.
            FinalResponseIssued issued => SentTrigger(issued.Letter.Kind) | (issued.Offer is null ? ClockTriggers.Fulfilled : ClockTriggers.Agreed),
            CommunicationRecorded { Communication.Kind: var kind } => SentTrigger(kind),
            _ => ClockTriggers.None,
        };

    private static ClockTriggers SentTrigger(Outcomes.CommunicationKind kind) => kind switch
            {
                Outcomes.CommunicationKind.FinalResponse => ClockTriggers.FinalResponseSent,
                Outcomes.CommunicationKind.SummaryResolution => ClockTriggers.SummaryResolutionSent,
                Outcomes.CommunicationKind.IdrResponse => ClockTriggers.IdrResponseSent,
                Outcomes.CommunicationKind.CfpbInProgress => ClockTriggers.CfpbInProgressSent,
                Outcomes.CommunicationKind.CfpbResponse => ClockTriggers.CfpbResponseSent,
                _ => ClockTriggers.None,
            };

    [Flags]
    private enum StepRules
    {
        None = 0,
        Start = 1,
        Stop = 2,
        Reset = 4,
    }
}
