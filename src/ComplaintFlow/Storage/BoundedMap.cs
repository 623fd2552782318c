using System.Collections.Concurrent;

namespace ComplaintFlow.Storage;

/// <summary>
/// A thread-safe map of recently used cases with a crude bound: when it grows past its capacity it forgets everything,
/// which costs a few re-reads and keeps memory flat. The count is kept apart because
/// <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock, too dear on a path every command takes.
/// </summary>
internal sealed class BoundedMap<TValue>(int capacity)
    where TValue : notnull
{
    private readonly ConcurrentDictionary<ComplaintId, TValue> _values = new();
    private int _count;

    public bool TryGet(ComplaintId caseId, out TValue value) => _values.TryGetValue(caseId, out value!);

    /// <summary>Stores <paramref name="value"/> unless <paramref name="keepKnown"/> says the value already there should stay.</summary>
    public void Set(ComplaintId caseId, TValue value, Func<TValue, TValue, bool>? keepKnown = null)
    {
        while (true)
        {
            if (_values.TryGetValue(caseId, out var known))
            {
                if (keepKnown?.Invoke(known, value) == true || _values.TryUpdate(caseId, value, known))
                {
                    return;
                }
            }
            else if (_values.TryAdd(caseId, value))
            {
                if (Interlocked.Increment(ref _count) > capacity)
                {
                    _values.Clear();
                    Interlocked.Exchange(ref _count, 0);
                }

                return;
            }
        }
    }

    public void Remove(ComplaintId caseId)
    {
        if (_values.TryRemove(caseId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
