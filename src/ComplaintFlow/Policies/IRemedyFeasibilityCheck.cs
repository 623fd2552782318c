namespace ComplaintFlow.Policies;

/// <summary>
/// The app's answer to "can we really deliver this?" before a remedy is promised (PR-07): stock, contracts,
/// delivery slots. Register one with <c>AddComplaintFlow().UseFeasibilityCheck&lt;T&gt;()</c>; the default approves everything.
/// </summary>
public interface IRemedyFeasibilityCheck
{
    /// <summary>Decides whether the remedies can be delivered. Called before a proposal is recorded; nothing is saved yet.</summary>
    ValueTask<FeasibilityResult> CheckAsync(ComplaintCase complaint, IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken);
}
