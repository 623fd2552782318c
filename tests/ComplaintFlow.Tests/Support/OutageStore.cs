using ComplaintFlow.Storage;

namespace ComplaintFlow.Tests.Support;

/// <summary>
/// Wraps a store and fails its reads for as long as the test says, the way a database that is down would: with an
/// exception that is not one of ComplaintFlow's own.
/// </summary>
internal sealed class OutageStore(IComplaintStore inner) : DelegatingStore(inner)
{
    private int _claimFailures;
    private int _findFailures;
    private int _claimAttempts;

    public int ClaimAttempts => Volatile.Read(ref _claimAttempts);

    /// <summary>Makes the next <paramref name="claims"/> due claims and <paramref name="finds"/> case reads throw.</summary>
    public void FailNext(int claims, int finds)
    {
        Volatile.Write(ref _claimFailures, claims);
        Volatile.Write(ref _findFailures, finds);
    }

    public override ValueTask<ComplaintCase?> FindAsync(ComplaintId caseId, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _findFailures) >= 0 ? throw Down() : base.FindAsync(caseId, cancellationToken);

    public override ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _claimAttempts);
        return Interlocked.Decrement(ref _claimFailures) >= 0 ? throw Down() : base.ClaimDueAsync(now, batchSize, lease, cancellationToken);
    }

    private static InvalidOperationException Down() => new("The database is down (simulated outage).");
}
