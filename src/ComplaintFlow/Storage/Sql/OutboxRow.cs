using ComplaintFlow.Outbox;

namespace ComplaintFlow.Storage.Sql;

/// <summary>An outbox row as a SQL store reads it, before its event document is parsed.</summary>
internal readonly record struct OutboxRow(ComplaintId CaseId, long Sequence, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, bool Parked, object Document, string? HandledBy)
{
    // Handler names are type names, which hold no line break.
    private const char NameSeparator = '\n';

    /// <summary>The handled-by column's text for a failure: the names one per line, or null when none handled it.</summary>
    public static string? HandledByColumn(OutboxFailure failure) =>
        failure.HandledBy.Count == 0 ? null : string.Join(NameSeparator, failure.HandledBy);

    /// <summary>Parses rows for listing: an event that cannot be read is listed as such, with the reason, not thrown.</summary>
    public static List<OutboxEntry> ParseAll(IReadOnlyList<OutboxRow> rows, string store) =>
        [.. rows.Select(row =>
        {
            try
            {
                return row.ToEntry(StoredDocuments.ReadEvent(row.CaseId, row.Document, store));
            }
            catch (ComplaintDataException exception)
            {
                return row.ToEntry(null) with { ReadError = exception.Problem };
            }
        })];

    /// <summary>
    /// Turns claimed rows into entries. An event that cannot be read cannot be delivered: it is reported for parking,
    /// with the reason, and its case's later entries are left out so nothing overtakes it; earlier ones and every other
    /// case are delivered as usual.
    /// </summary>
    /// <summary>The cases of a claim whose unreadable rows leave nothing to deliver: parked, they need not stay claimed.</summary>
    public static IEnumerable<ComplaintId> CasesLeftEmpty(List<OutboxEntry> entries, List<(OutboxRow Row, string Error)> unreadable) =>
        unreadable.Select(u => u.Row.CaseId).Distinct().Where(id => !entries.Exists(e => e.CaseId == id));

    public static (List<OutboxEntry> Entries, List<(OutboxRow Row, string Error)> Unreadable) Parse(IReadOnlyList<OutboxRow> rows, string store)
    {
        var entries = new List<OutboxEntry>(rows.Count);
        var unreadable = new List<(OutboxRow, string)>();
        var blocked = new HashSet<ComplaintId>();
        foreach (var row in rows)
        {
            if (blocked.Contains(row.CaseId))
            {
                continue;
            }

            try
            {
                entries.Add(row.ToEntry(StoredDocuments.ReadEvent(row.CaseId, row.Document, store)));
            }
            catch (ComplaintDataException exception)
            {
                unreadable.Add((row, $"event {row.Sequence} cannot be read: {exception.Problem}"));
                blocked.Add(row.CaseId);
            }
        }

        return (entries, unreadable);
    }

    private OutboxEntry ToEntry(Events.ComplaintEvent? complaintEvent) => new(CaseId, Sequence, complaintEvent, Attempts, NextAttemptAt, LastError, Parked)
    {
        HandledBy = string.IsNullOrEmpty(HandledBy) ? [] : HandledBy.Split(NameSeparator),
    };
}
