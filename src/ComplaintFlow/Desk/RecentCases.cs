using ComplaintFlow.Storage;

namespace ComplaintFlow;

/// <summary>
/// The snapshots this desk saved last, so the next command on a case can be decided without reading it back from the
/// store: a round trip saved per command on a database. A remembered copy can be stale when another process or desk
/// wrote since; the save's version check then refuses the change, and the desk decides again on a fresh read.
/// </summary>
internal sealed class RecentCases(int capacity)
{
    // Two commands on one case may finish out of order; keep the newer copy.
    private static readonly Func<ComplaintCase, ComplaintCase, bool> KeepNewer = static (known, saved) => known.Version >= saved.Version;

    private readonly BoundedMap<ComplaintCase> _cases = new(capacity);

    public ComplaintCase? Find(ComplaintId caseId) => _cases.TryGet(caseId, out var complaint) ? complaint : null;

    public void Remember(ComplaintCase complaint) => _cases.Set(complaint.Id, complaint, KeepNewer);

    public void Forget(ComplaintId caseId) => _cases.Remove(caseId);
}
