namespace ComplaintFlow;

/// <summary>
/// When a proposal commits more money than the proposer's tier may, the case goes to the lowest tier that can approve
/// it instead of the proposal being made (PR-07, PR-10). When disabled, such a proposal is simply refused.
/// </summary>
public sealed class RemedyBeyondAuthorityEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;
}
