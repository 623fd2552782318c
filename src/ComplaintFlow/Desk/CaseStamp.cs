using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow;

/// <summary>
/// The one place where a change's events are numbered and its snapshot is built: the command's effect, the steps
/// passed over, the clocks' reaction, in that order, all stamped with the same time, actor and step; then, when a policy
/// escalates the case, the escalation as one more event on a snapshot built from the first.
/// </summary>
internal static class CaseStamp
{
    public static (ComplaintCase Case, ComplaintEvent[] Events) Stamp(
        CaseDraft draft, long fromVersion, string step, DateTimeOffset now, Actor actor, in Applied applied, List<ComplaintEventData>? passedOver, ClockUpdate? clocks)
    {
        var count = applied.EventCount + (passedOver?.Count ?? 0) + (clocks?.EventCount ?? 0);
        var events = new ComplaintEvent[count];
        var stamp = new EventStamp(events, draft.Id, fromVersion, now, actor, step);
        stamp.Add(applied.Event);
        stamp.Add(applied.Then);
        if (passedOver is not null)
        {
            foreach (var passed in passedOver)
            {
                stamp.Add(passed);
            }
        }

        if (clocks is { } update)
        {
            // A warning or breach the change found passed comes before the pause or reset that follows it.
            foreach (var due in update.DueEvents)
            {
                stamp.Add(due);
            }

            stamp.Add(update.Changed);

            draft.Clocks = update.Clocks;
            draft.NextDueAt = update.NextDueAt;
        }

        draft.Step = step;
        draft.Version = fromVersion + count;
        draft.UpdatedAt = now;
        return (draft.BuildAndRelease(), events);
    }

    /// <summary>The snapshot and events with the escalation a policy decided on, recorded as the change's last event.</summary>
    public static (ComplaintCase Case, ComplaintEvent[] Events) Escalate(ComplaintCase stamped, ComplaintEvent[] events, DateTimeOffset now, Actor actor, ComplaintEscalated escalation)
    {
        var escalated = stamped with
        {
            Version = stamped.Version + 1,
            Tier = escalation.ToTier,
            Team = escalation.ToTeam,
            EscalationCauses = stamped.EscalationCauses.Add(escalation.Cause),
        };
        return (escalated, [.. events, new ComplaintEvent(stamped.Id, escalated.Version, now, actor, stamped.Step, escalation)]);
    }

    private struct EventStamp(ComplaintEvent[] events, ComplaintId caseId, long fromVersion, DateTimeOffset now, Actor actor, string step)
    {
        private int _at;

        public void Add(ComplaintEventData? data)
        {
            if (data is not null)
            {
                events[_at] = new ComplaintEvent(caseId, fromVersion + _at + 1, now, actor, step, data);
                _at++;
            }
        }
    }
}
