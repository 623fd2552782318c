using ComplaintFlow.Events;

namespace ComplaintFlow.Storage;

/// <summary>
/// A thread-safe store in process memory: the default for tests and demos. Snapshots are immutable, so readers get
/// them without copying; a single lock makes each save atomic and version-checked.
/// </summary>
internal sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ComplaintId, Entry> _cases = [];
    private readonly Dictionary<string, IdempotencyRecord> _keys = new(StringComparer.Ordinal);

    // Cases by customer, so "how often has this customer complained" does not scan every case.
    private readonly Dictionary<string, List<ComplaintId>> _byCustomer = new(StringComparer.Ordinal);

    public ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_cases.TryGetValue(caseId, out var entry) ? entry.Case : null);
        }
    }

    public ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ComplaintEvent> history = _cases.TryGetValue(caseId, out var entry) ? [.. entry.Events] : [];
            return ValueTask.FromResult(history);
        }
    }

    public ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_keys.GetValueOrDefault(idempotencyKey));
        }
    }

    public ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var id = change.Case.Id;
        lock (_gate)
        {
            _cases.TryGetValue(id, out var entry);
            var actual = entry?.Case.Version ?? 0;
            if (actual != change.ExpectedVersion)
            {
                throw new ComplaintConcurrencyException(id, change.ExpectedVersion, actual);
            }

            if (change.Idempotency is { } record && _keys.ContainsKey(record.Key))
            {
                throw new IdempotencyKeyConflictException(record.Key);
            }

            if (entry is null)
            {
                entry = new Entry(change.Case);
                _cases.Add(id, entry);
                if (!_byCustomer.TryGetValue(change.Case.CustomerRef, out var ids))
                {
                    _byCustomer[change.Case.CustomerRef] = ids = [];
                }

                ids.Add(id);
            }
            else
            {
                entry.Case = change.Case;
            }

            entry.Events.AddRange(change.Events);
            if (change.Idempotency is { } added)
            {
                _keys.Add(added.Key, added);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ComplaintCase>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        StoreQueryValidation.Check(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var candidates = query.CustomerRef is { } customer
                ? (_byCustomer.TryGetValue(customer, out var ids) ? ids.Select(id => _cases[id]) : [])
                : _cases.Values;
            IReadOnlyList<ComplaintCase> found = [.. candidates
                .Select(e => e.Case)
                .Where(c => StoreQueryValidation.Matches(query, c))
                .OrderBy(c => c.Id)
                .Take(query.Limit)];
            return ValueTask.FromResult(found);
        }
    }

    public ValueTask<IReadOnlyList<ComplaintId>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claimed = new List<ComplaintId>(Math.Min(batchSize, 64));
            foreach (var entry in _cases.Values.Where(e => e.Case.NextDueAt <= now && e.LeasedUntil <= now).OrderBy(e => e.Case.NextDueAt))
            {
                entry.LeasedUntil = now + lease;
                claimed.Add(entry.Case.Id);
                if (claimed.Count == batchSize)
                {
                    break;
                }
            }

            return ValueTask.FromResult<IReadOnlyList<ComplaintId>>(claimed);
        }
    }

    private sealed class Entry(ComplaintCase complaint)
    {
        public DateTimeOffset LeasedUntil { get; set; } = DateTimeOffset.MinValue;

        public ComplaintCase Case { get; set; } = complaint;

        // Room for a typical case's whole life, so appending rarely reallocates.
        public List<ComplaintEvent> Events { get; } = new(16);
    }
}
