namespace ComplaintFlow.Storage.Sql;

/// <summary>A case row as a SQL store reads it for a listing: the id and version columns and the snapshot, unparsed.</summary>
internal readonly record struct CaseRow(object Id, long Version, object Document)
{
    /// <summary>
    /// Turns a listing's rows into a page. A row whose id, snapshot or version cannot be used is reported with the reason;
    /// the other rows are returned as usual.
    /// </summary>
    public static ComplaintPage ToPage(IReadOnlyList<CaseRow> rows, int limit, string store)
    {
        var cases = new List<ComplaintCase>(rows.Count);
        List<UnreadableCase>? unreadable = null;
        ComplaintId? last = null;
        foreach (var row in rows)
        {
            try
            {
                var id = StoredDocuments.ReadId(row.Id, store);
                last = id;
                cases.Add(StoredHistory.Verified(StoredDocuments.ReadCase(id, row.Document, store), row.Version, lastSequence: null, store));
            }
            catch (ComplaintDataException exception)
            {
                (unreadable ??= []).Add(new UnreadableCase(StoredDocuments.Describe(row.Id), exception.Problem));
            }
        }

        return new ComplaintPage(cases, unreadable ?? [], rows.Count == limit ? last : null);
    }
}
