using ComplaintFlow.Storage;

namespace ComplaintFlow.Tests.Support;

/// <summary>A store whose due-case claim never returns (until cancelled): a worker stuck in its very first poll.</summary>
internal sealed class HangingClaimStore(IComplaintStore inner) : DelegatingStore(inner)
{
    private int _claims;

    public int Claims => Volatile.Read(ref _claims);

    public override async ValueTask<DueCaseClaim> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _claims);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return DueCaseClaim.None;
    }
}
