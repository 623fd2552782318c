using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow;

/// <summary>
/// The one place where a change's events are numbered and its snapshot is built: the command's effect, the steps
/// passed over, the clocks' reaction and an escalation, in that order, all stamped with the same time, actor and step.
/// </summary>
internal static class CaseStamp
{
    public static (ComplaintCase Case, ComplaintEvent[] Events) Stamp(
        ComplaintCase changed, long fromVersion, string step, DateTimeOffset now, Actor actor, in Applied applied, List<ComplaintEventData>? passedOver, ClockUpdate? clocks, ComplaintEscalated? escalation)
    {
        var count = applied.EventCount + (passedOver?.Count ?? 0) + (clocks?.Events.Length ?? 0) + (escalation is null ? 0 : 1);
        var events = new ComplaintEvent[count];
        var stamp = new EventStamp(events, changed.Id, fromVersion, now, actor, step);
        stamp.Add(applied.Event);
        stamp.Add(applied.Then);
        foreach (var passed in passedOver ?? [])
        {
            stamp.Add(passed);
        }

        foreach (var clockEvent in clocks?.Events ?? [])
        {
            stamp.Add(clockEvent);
        }

        stamp.Add(escalation);
        var clocked = clocks?.Clocks ?? changed.Clocks;
        var nextDueAt = clocks is null ? changed.NextDueAt : clocks.NextDueAt;
        var stamped = escalation is null
            ? changed with { Step = step, Version = fromVersion + count, UpdatedAt = now, Clocks = clocked, NextDueAt = nextDueAt }
            : changed with
            {
                Step = step,
                Version = fromVersion + count,
                UpdatedAt = now,
                Clocks = clocked,
                NextDueAt = nextDueAt,
                Tier = escalation.ToTier,
                Team = escalation.ToTeam,
                EscalationCauses = changed.EscalationCauses.Add(escalation.Cause),
            };
        return (stamped, events);
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
