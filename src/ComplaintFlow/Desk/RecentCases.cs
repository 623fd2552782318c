using System.Collections.Concurrent;

namespace ComplaintFlow;

/// <summary>
/// The snapshots this desk saved last, so the next command on a case can be decided without reading it back from the
/// store: a round trip saved per command on a database. A remembered copy can be stale when another process or desk
/// wrote since; the save's version check then refuses the change, and the desk decides again on a fresh read.
/// </summary>
internal sealed class RecentCases(int capacity)
{
    private readonly ConcurrentDictionary<ComplaintId, ComplaintCase> _cases = new();

    // ConcurrentDictionary.Count takes every lock; an approximate count is enough for a bound.
    private int _count;

    public ComplaintCase? Find(ComplaintId caseId) => _cases.GetValueOrDefault(caseId);

    public void Remember(ComplaintCase complaint)
    {
        while (true)
        {
            if (_cases.TryGetValue(complaint.Id, out var known))
            {
                // Two commands on one case may finish out of order; keep the newer copy.
                if (known.Version >= complaint.Version || _cases.TryUpdate(complaint.Id, complaint, known))
                {
                    return;
                }
            }
            else if (_cases.TryAdd(complaint.Id, complaint))
            {
                if (Interlocked.Increment(ref _count) > capacity)
                {
                    // A crude bound: forgetting everything now and then costs a few reads and keeps memory flat.
                    _cases.Clear();
                    Interlocked.Exchange(ref _count, 0);
                }

                return;
            }
        }
    }

    public void Forget(ComplaintId caseId)
    {
        if (_cases.TryRemove(caseId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
