using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ComplaintFlow.Time;

/// <summary>
/// A short list gathered on the stack: up to eight items inline, then a heap array. The clock engine collects a
/// reaction's changes in it, so that the arrays it keeps are allocated once, at their exact size.
/// </summary>
/// <param name="capacity">The most items the list can receive, so an overflow is allocated once.</param>
internal struct StackList<T>(int capacity)
{
    private Buffer _inline;
    private T[]? _overflow;

    public int Count { get; private set; }

    public readonly T this[int index] => _overflow is null ? _inline[index] : _overflow[index];

    public void Add(T item)
    {
        if (_overflow is null && Count < Buffer.Length)
        {
            _inline[Count++] = item;
            return;
        }

        if (_overflow is null)
        {
            _overflow = new T[Math.Max(capacity, Count + 1)];
            ((ReadOnlySpan<T>)_inline).CopyTo(_overflow);
        }

        _overflow[Count++] = item;
    }

    public readonly ImmutableArray<T> ToImmutable()
    {
        ReadOnlySpan<T> all = _overflow is null ? _inline : _overflow;
        return [.. all[..Count]];
    }

    [InlineArray(Length)]
    private struct Buffer
    {
        public const int Length = 8;
        private T _first;
    }
}
