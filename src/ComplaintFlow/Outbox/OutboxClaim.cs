namespace ComplaintFlow.Outbox;

/// <summary>
/// A request to a store to claim cases whose oldest waiting event is due for delivery. A claimed case belongs to one
/// dispatcher until the lease ends (<see cref="Storage.IComplaintStore.RenewOutboxAsync"/> extends it) or
/// <see cref="Storage.IComplaintStore.ReleaseOutboxAsync"/> is called, so two dispatchers never deliver the same case's
/// events at once.
/// </summary>
/// <param name="Token">Identifies this claim; pass it back to renew or release the claim.</param>
/// <param name="Now">The current time.</param>
/// <param name="Lease">How long the claim lasts if it is never released (for example, the process dies).</param>
/// <param name="MaxCases">The most cases to claim.</param>
/// <param name="CaseId">Claim only this case, or any due case when <see langword="null"/>.</param>
public sealed record OutboxClaim(string Token, DateTimeOffset Now, TimeSpan Lease, int MaxCases, ComplaintId? CaseId = null);
