using ComplaintFlow.Events;
using ComplaintFlow.Outbox;

namespace ComplaintFlow.Storage;

/// <summary>
/// A thread-safe store in process memory: the default for tests and demos. Snapshots are immutable, so readers get
/// them without copying; a single lock makes each save atomic and version-checked.
/// </summary>
internal sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly Lock _gate = new();

    public StoreCapabilities Capabilities => StoreCapabilities.CheapReads;
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
        StoredHistory.CheckNumbering(change);
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
                // A deadline claim is for the due instant it was claimed at; saved with another, the claim has lapsed.
                if (entry.Case.NextDueAt != change.Case.NextDueAt)
                {
                    entry.LeasedUntil = DateTimeOffset.MinValue;
                }

                entry.Case = change.Case;
            }

            entry.Events.AddRange(change.Events);
            if (change.EnqueueForDispatch)
            {
                for (var i = 0; i < change.Events.Count; i++)
                {
                    var complaintEvent = change.Events[i];
                    entry.Outbox.Add(new OutboxEntry(complaintEvent.CaseId, complaintEvent.Sequence, complaintEvent, 0, complaintEvent.OccurredAt, null, false));
                }
            }
            if (change.Idempotency is { } added)
            {
                _keys.Add(added.Key, added);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        StoreQueryValidation.Check(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var candidates = query.CustomerRef is { } customer
                ? (_byCustomer.TryGetValue(customer, out var ids) ? ids.Select(id => _cases[id]) : [])
                : _cases.Values;
            List<ComplaintCase> found = [.. candidates
                .Select(e => e.Case)
                .Where(c => StoreQueryValidation.Matches(query, c))
                .OrderBy(c => c.Id)
                .Take(query.Limit)];
            return ValueTask.FromResult(new ComplaintPage(found, [], found.Count == query.Limit ? found[^1].Id : null));
        }
    }

    public ValueTask<int> CountCustomerCasesAsync(string customerRef, DateTimeOffset receivedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerRef);
        StoreQueryValidation.Filter(customerRef, nameof(customerRef));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_byCustomer.TryGetValue(customerRef, out var ids) ? ids.Count(id => _cases[id].Case.ReceivedAt >= receivedSince) : 0);
        }
    }

    public ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        StoreQueryValidation.CheckLease(lease, nameof(lease));
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

            return ValueTask.FromResult(claimed.Count == 0 ? DueCaseClaim.None : new DueCaseClaim(claimed, []));
        }
    }

    public ValueTask ReleaseDueAsync(IReadOnlyList<ComplaintId> caseIds, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var caseId in caseIds)
            {
                if (_cases.TryGetValue(caseId, out var entry) && entry.LeasedUntil == claimedUntil)
                {
                    entry.LeasedUntil = DateTimeOffset.MinValue;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var candidates = claim.CaseId is { } only
                ? (_cases.TryGetValue(only, out var single) ? [single] : [])
                : _cases.Values.Where(e => e.Outbox.Count > 0);
            var claimed = candidates
                .Where(e => e.Outbox.Count > 0 && !e.Outbox[0].IsParked && e.Outbox[0].NextAttemptAt <= claim.Now && e.OutboxClaimedUntil <= claim.Now)
                .OrderBy(e => e.Outbox[0].NextAttemptAt)
                .Take(claim.MaxCases)
                .ToList();
            var entries = new List<OutboxEntry>();
            foreach (var entry in claimed.OrderBy(e => e.Case.Id))
            {
                entry.OutboxClaimedUntil = claim.Now + claim.Lease;
                entry.OutboxClaimToken = claim.Token;
                entries.AddRange(entry.Outbox);
            }

            return ValueTask.FromResult<IReadOnlyList<OutboxEntry>>(entries);
        }
    }

    public ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_cases.TryGetValue(caseId, out var entry))
            {
                entry.Outbox.RemoveAll(o => o.Sequence <= throughSequence);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_cases.TryGetValue(failure.CaseId, out var entry) && entry.Outbox.FindIndex(o => o.Sequence == failure.Sequence) is var index and >= 0)
            {
                entry.Outbox[index] = entry.Outbox[index] with
                {
                    Attempts = failure.Attempts,
                    LastError = failure.Error,
                    NextAttemptAt = failure.NextAttemptAt,
                    IsParked = failure.Park,
                    HandledBy = [.. failure.HandledBy],
                };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        lock (_gate)
        {
            foreach (var entry in _cases.Values.Where(e => e.OutboxClaimToken == claimToken))
            {
                entry.OutboxClaimToken = null;
                entry.OutboxClaimedUntil = DateTimeOffset.MinValue;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimToken);
        cancellationToken.ThrowIfCancellationRequested();
        var extended = 0;
        lock (_gate)
        {
            foreach (var entry in _cases.Values.Where(e => e.OutboxClaimToken == claimToken && e.OutboxClaimedUntil > now))
            {
                entry.OutboxClaimedUntil = until;
                extended++;
            }
        }

        return ValueTask.FromResult(extended);
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        StoreQueryValidation.Check(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> found = [.. _cases.Values
                .Where(e => query.CaseId is null || e.Case.Id == query.CaseId)
                .OrderBy(e => e.Case.Id)
                .SelectMany(e => e.Outbox)
                .Where(o => !query.ParkedOnly || o.IsParked)
                .Take(query.Limit)];
            return ValueTask.FromResult(found);
        }
    }

    public ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_cases.TryGetValue(caseId, out var entry))
            {
                return ValueTask.FromResult(0);
            }

            var count = 0;
            for (var i = 0; i < entry.Outbox.Count; i++)
            {
                if (entry.Outbox[i].IsParked)
                {
                    entry.Outbox[i] = entry.Outbox[i] with { IsParked = false, Attempts = 0, NextAttemptAt = now };
                    count++;
                }
            }

            return ValueTask.FromResult(count);
        }
    }

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var waiting = _cases.Values.SelectMany(e => e.Outbox).ToList();
            return ValueTask.FromResult(new OutboxStatistics(
                waiting.Count,
                waiting.Count(o => o.IsParked),
                waiting.Count == 0 ? null : waiting.Min(o => o.Event!.OccurredAt)));
        }
    }

    public ValueTask<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new StoreHealth("in-memory", null, null));

    private sealed class Entry(ComplaintCase complaint)
    {
        public List<OutboxEntry> Outbox { get; } = [];

        public DateTimeOffset OutboxClaimedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? OutboxClaimToken { get; set; }

        public DateTimeOffset LeasedUntil { get; set; } = DateTimeOffset.MinValue;

        public ComplaintCase Case { get; set; } = complaint;

        // Room for a typical case's whole life with the default clocks (about twenty events), so appending rarely
        // reallocates.
        public List<ComplaintEvent> Events { get; } = new(24);
    }
}
