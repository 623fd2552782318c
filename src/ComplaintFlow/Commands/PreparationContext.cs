using ComplaintFlow.Policies;

namespace ComplaintFlow;

/// <summary>What a command may consult in its last checks before applying.</summary>
internal readonly record struct PreparationContext(ComplaintCase Case, AuthorityRules Authority, IRemedyFeasibilityCheck Feasibility)
{
    /// <summary>Asks the app's feasibility check; refuses the remedies it finds infeasible, with its reason.</summary>
    public async ValueTask CheckFeasibleAsync(IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken)
    {
        var result = await Feasibility.CheckAsync(Case, remedies, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The feasibility check {Feasibility.GetType().FullName} returned no result; return FeasibilityResult.Feasible or FeasibilityResult.NotFeasible(...).");
        if (!result.IsFeasible)
        {
            throw new RemedyNotFeasibleException(Case.Id, result.Reason ?? "the app's feasibility check gave no reason.");
        }
    }
}
