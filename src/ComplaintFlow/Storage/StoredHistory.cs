using ComplaintFlow.Events;

namespace ComplaintFlow.Storage;

/// <summary>
/// The integrity rules every store applies to what it reads and writes: a history numbers its events 1..N with no gap
/// or repeat, and a snapshot's version is the number of its last event. A break is reported, never passed on.
/// </summary>
internal static class StoredHistory
{
    /// <summary>
    /// Throws <see cref="ComplaintDataException"/> naming the first event out of place, or when a case's history stops
    /// short of its row's <paramref name="version"/> (null when the store has no row for the case).
    /// </summary>
    public static IReadOnlyList<ComplaintEvent> Verified(ComplaintId caseId, IReadOnlyList<ComplaintEvent> events, long? version, string store)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var expected = i + 1L;
            var sequence = events[i].Sequence;
            if (sequence != expected)
            {
                var what = sequence < expected ? $"event {expected} is stored as sequence {sequence}, a number already used" : $"event {expected} is missing (the history goes on with {sequence})";
                throw new ComplaintDataException(caseId, $"its history in the {store} store is damaged: {what}. Restore the case's events from a backup.");
            }

            if (events[i].CaseId != caseId)
            {
                throw new ComplaintDataException(caseId, $"its history in the {store} store is damaged: event {expected} belongs to case {events[i].CaseId}.");
            }
        }

        if (version is { } last && events.Count != last)
        {
            throw new ComplaintDataException(caseId, $"its history in the {store} store ends at event {events.Count}, but its row says version {last}: events were lost. Restore the case's events from a backup.");
        }

        return events;
    }

    /// <summary>Throws <see cref="ComplaintDataException"/> when the snapshot, its row and its history disagree on the version.</summary>
    public static ComplaintCase Verified(ComplaintCase complaint, long rowVersion, long? lastSequence, string store)
    {
        if (complaint.Version != rowVersion || (lastSequence is { } last && last != complaint.Version))
        {
            var history = lastSequence is { } seen ? $", and its history ends at event {seen}" : string.Empty;
            throw new ComplaintDataException(
                complaint.Id,
                $"its row in the {store} store says version {rowVersion}, its snapshot says version {complaint.Version}{history}. The version was changed by hand or the row is damaged; restore it so all three agree.");
        }

        return complaint;
    }

    /// <summary>Refuses a change whose events do not number on from its expected version to its snapshot's version.</summary>
    public static void CheckNumbering(ComplaintChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var next = change.ExpectedVersion + 1;
        var events = change.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var complaintEvent = events[i];
            if (complaintEvent.Sequence != next || complaintEvent.CaseId != change.Case.Id)
            {
                throw new ArgumentException($"The change to case {change.Case.Id} must number its events on from {change.ExpectedVersion + 1}, but event {complaintEvent.Sequence} of case {complaintEvent.CaseId} came where {next} was due.", nameof(change));
            }

            next++;
        }

        if (change.Case.Version != next - 1)
        {
            throw new ArgumentException($"The change to case {change.Case.Id} ends at event {next - 1}, but its snapshot says version {change.Case.Version}.", nameof(change));
        }
    }
}
