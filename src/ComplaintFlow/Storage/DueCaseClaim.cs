namespace ComplaintFlow.Storage;

/// <summary>What <see cref="IComplaintStore.ClaimDueAsync"/> claimed.</summary>
/// <param name="CaseIds">The claimed cases whose next clock warning or deadline is due.</param>
/// <param name="Unreadable">Due rows that could not be claimed because their stored id is not a case id.</param>
public sealed record DueCaseClaim(IReadOnlyList<ComplaintId> CaseIds, IReadOnlyList<UnreadableCase> Unreadable)
{
    /// <summary>Nothing was due.</summary>
    public static DueCaseClaim None { get; } = new([], []);
}
