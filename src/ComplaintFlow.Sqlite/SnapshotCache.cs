using System.Collections.Concurrent;

namespace ComplaintFlow.Sqlite;

/// <summary>
/// The last snapshots read or written, with the exact JSON they came from. Reading a 2 KB case from JSON costs about
/// 20 µs, most of a command's read; when the stored text is the same as the cached text, the cached case is returned
/// instead. Comparing the whole text, not just the version, means a row changed behind the store's back (another
/// process, a hand edit, corruption) is always read afresh.
/// </summary>
internal sealed class SnapshotCache(int capacity)
{
    private readonly ConcurrentDictionary<ComplaintId, (string Document, ComplaintCase Case)> _entries = new();

    public ComplaintCase? Find(ComplaintId caseId, string document) =>
        _entries.TryGetValue(caseId, out var entry) && string.Equals(entry.Document, document, StringComparison.Ordinal) ? entry.Case : null;

    public void Remember(ComplaintId caseId, string document, ComplaintCase complaint)
    {
        // A crude bound: forgetting everything now and then costs a few re-reads and keeps memory flat.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[caseId] = (document, complaint);
    }

    public void Forget(ComplaintId caseId) => _entries.TryRemove(caseId, out _);
}
