using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Storage;

namespace ComplaintFlow.Tests.Support;

/// <summary>A store that forwards everything to another; tests override the calls they want to disturb.</summary>
internal abstract class DelegatingStore(IComplaintStore inner) : IComplaintStore
{
    protected IComplaintStore Inner => inner;

    // Declared as an app's decorator would, so that a decorated SQL store still writes and reads its report rows.
    public virtual IComplaintStore? Decorated => inner;

    public virtual ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default) => inner.FindAsync(caseId, cancellationToken);

    public virtual ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default) => inner.ClaimDueAsync(now, batchSize, lease, cancellationToken);

    public virtual ValueTask ReleaseDueAsync(IReadOnlyList<ComplaintId> caseIds, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default) => inner.ReleaseDueAsync(caseIds, claimedUntil, cancellationToken);

    public virtual ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(caseId, cancellationToken);

    public virtual ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default) => inner.FindIdempotencyRecordAsync(idempotencyKey, cancellationToken);

    public virtual ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default) => inner.SaveAsync(change, cancellationToken);

    public virtual ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default) => inner.ClaimOutboxAsync(claim, cancellationToken);

    public ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default) => inner.CompleteOutboxAsync(caseId, throughSequence, cancellationToken);

    public ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default) => inner.FailOutboxAsync(failure, cancellationToken);

    public ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default) => inner.ReleaseOutboxAsync(claimToken, cancellationToken);

    public virtual ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default) => inner.RenewOutboxAsync(claimToken, now, until, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default) => inner.ListOutboxAsync(query, cancellationToken);

    public virtual ValueTask<int> CountCustomerCasesAsync(string customerRef, DateTimeOffset receivedSince, CancellationToken cancellationToken = default) => inner.CountCustomerCasesAsync(customerRef, receivedSince, cancellationToken);

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetOutboxStatisticsAsync(cancellationToken);

    public virtual ValueTask<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    public ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.RedriveOutboxAsync(caseId, now, cancellationToken);
}
