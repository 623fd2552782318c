using ComplaintFlow.Events;
using ComplaintFlow.Outbox;

namespace ComplaintFlow.Storage;

/// <summary>
/// Where cases, their histories and idempotency records live. Implementations must make
/// <see cref="SaveAsync"/> atomic: the snapshot, its new events and the idempotency record are stored together or not
/// at all, and only when the stored version still equals <see cref="ComplaintChange.ExpectedVersion"/>. When
/// <see cref="ComplaintChange.EnqueueForDispatch"/> is set, the events also enter the outbox in that same transaction.
/// </summary>
/// <remarks>
/// Failures are typed, so callers can tell them apart: stored data that cannot be used is a
/// <see cref="ComplaintDataException"/> naming the case (or the key), and a failure of the database itself (unreachable,
/// locked, full, not a database) is a <see cref="ComplaintStoreException"/> naming the store, with
/// <see cref="ComplaintStoreException.IsTransient"/> set when a retry may succeed. A damaged row fails only operations
/// on its own case: listings report it and go on.
/// </remarks>
public interface IComplaintStore
{
    /// <summary>What the store declares about itself. The default is <see cref="StoreCapabilities.None"/>.</summary>
    StoreCapabilities Capabilities => StoreCapabilities.None;

    /// <summary>
    /// For a decorator (a store that wraps another to add logging, metrics, retries or a cache): the store it wraps.
    /// The desk then still uses what the wrapped store keeps, such as the report rows the SQLite and PostgreSQL stores
    /// write in the same transaction as each save. A decorator that returns its inner store here must hand every
    /// <see cref="ComplaintChange"/> to that store's <see cref="SaveAsync"/> as it came, or as a <c>with</c> copy,
    /// since the change carries those rows. The chain is read once, when the desk and the reports are built; a store
    /// that returns itself or an outer store is refused then. The default is <see langword="null"/>: the store wraps
    /// nothing.
    /// </summary>
    IComplaintStore? Decorated => null;

    /// <summary>
    /// The store's report queries when it keeps report rows, written in the same transaction as each save; otherwise
    /// <see langword="null"/>, and reports are folded from its histories. Read through <see cref="StoreChain"/>, which
    /// looks through decorators.
    /// </summary>
    internal Reports.IReportQueries? Reports => null;

    /// <summary>
    /// Loads the latest snapshot of a case, or <see langword="null"/> when there is none. A snapshot whose version does
    /// not match its history is a <see cref="ComplaintDataException"/>.
    /// </summary>
    ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a case's events in order (sequence 1 first). Empty when the case does not exist. A history whose sequences
    /// do not run 1, 2, 3… without gaps or repeats is a <see cref="ComplaintDataException"/> naming the first bad one.
    /// </summary>
    ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>Finds the record of an earlier command that carried this idempotency key.</summary>
    ValueTask<IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Stores a change atomically.</summary>
    /// <exception cref="ComplaintConcurrencyException">The stored version is not <see cref="ComplaintChange.ExpectedVersion"/> (for a new case: the id exists).</exception>
    /// <exception cref="IdempotencyKeyConflictException">The change's idempotency key is already recorded.</exception>
    /// <exception cref="ArgumentException">The change's events are not numbered on from its expected version to the snapshot's version.</exception>
    ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> cases whose <see cref="ComplaintCase.NextDueAt"/> is at or before
    /// <paramref name="now"/> and that no other worker holds, holding them for <paramref name="lease"/>. Claims spread the
    /// work between workers; recording each warning or breach once is guaranteed by the version check, not the claim.
    /// A claim holds a case at the due instant it was claimed for: once the case is saved with a different
    /// <see cref="ComplaintCase.NextDueAt"/>, the claim has lapsed and the case may be claimed when that instant comes.
    /// Due rows whose id cannot be read are reported, not claimed.
    /// </summary>
    ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets go of deadline claims a worker made and will not get to (it is stopping), so another worker claims those
    /// cases at its next poll instead of after the lease. Only claims still held until <paramref name="claimedUntil"/>
    /// (the claiming call's <c>now</c> plus its lease) are released: one that lapsed and was claimed again belongs to
    /// another worker. Unknown or unclaimed cases are not an error. The default does nothing, and the claims run out with
    /// their lease, as before a store implements it.
    /// </summary>
    ValueTask ReleaseDueAsync(IReadOnlyList<ComplaintId> caseIds, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>
    /// Finds cases matching every criterion set on the query, ordered by id (oldest first). Rows whose data cannot be
    /// read are reported on the page instead of failing it.
    /// </summary>
    ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a customer's cases received at or after <paramref name="receivedSince"/>, open or not, from indexed
    /// columns only, so an unreadable snapshot does not stop the count.
    /// </summary>
    /// <exception cref="ComplaintValidationException">The reference is not text a case could hold (a NUL, for one).</exception>
    ValueTask<int> CountCustomerCasesAsync(string customerRef, DateTimeOffset receivedSince, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <see cref="OutboxClaim.MaxCases"/> cases whose oldest waiting outbox entry is neither parked nor
    /// waiting for a retry, and that no live claim holds; returns every waiting entry of the claimed cases, in case and
    /// sequence order. The claim on a case is atomic: two concurrent claims never both get it. An event that cannot be
    /// read is parked with the reason, and its case's later entries are left out.
    /// </summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a case's delivered entries, up to and including <paramref name="throughSequence"/>. Removing entries that
    /// are gone is not an error.
    /// </summary>
    ValueTask CompleteOutboxAsync(ComplaintId caseId, long throughSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a delivery that did not finish (a failure, or a cancellation after some handlers had run, with the attempt
    /// count, error and retry time unchanged): the attempt count, the error, either the retry time or parking, and the
    /// handlers that had handled the event (<see cref="OutboxFailure.HandledBy"/>), which claims and listings return as
    /// <see cref="OutboxEntry.HandledBy"/> until the entry is delivered. A store that drops them gives those handlers the
    /// event again at the retry. A decorator should pass the failure on as given, or as a <c>with</c> copy.
    /// </summary>
    ValueTask FailOutboxAsync(OutboxFailure failure, CancellationToken cancellationToken = default);

    /// <summary>Ends the claims made with <paramref name="claimToken"/>, so their cases can be claimed again at once.</summary>
    ValueTask ReleaseOutboxAsync(string claimToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends to <paramref name="until"/> every claim held under <paramref name="claimToken"/> that has not run out at
    /// <paramref name="now"/>, so a delivery slower than its lease keeps its cases; returns how many it extended. A
    /// claim that has run out is not brought back, even if no other claim has taken its case yet: the dispatcher counts
    /// the claims it extended against the cases it holds, and stops at the first shortfall.
    /// </summary>
    ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists outbox entries matching the query, in case and sequence order. An entry whose event cannot be read is listed
    /// with <see cref="OutboxEntry.ReadError"/> set instead of failing the listing.
    /// </summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Un-parks a case's parked entries, resets their attempts and makes them due at <paramref name="now"/>; returns how
    /// many. Their <see cref="OutboxEntry.HandledBy"/> is kept, so the re-drive reaches only the handlers still owing them.
    /// </summary>
    ValueTask<int> RedriveOutboxAsync(ComplaintId caseId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Counts what waits in the outbox and finds the oldest undelivered event.</summary>
    ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Proves the store is reachable and reports its schema version. Throws <see cref="ComplaintStoreException"/> when the
    /// database cannot be used.
    /// </summary>
    ValueTask<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
