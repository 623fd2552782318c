namespace ComplaintFlow.Policies;

/// <summary>The default feasibility check: the library cannot know the app's stock or contracts, so it approves.</summary>
internal sealed class AlwaysFeasible : IRemedyFeasibilityCheck
{
    public ValueTask<FeasibilityResult> CheckAsync(ComplaintCase complaint, IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FeasibilityResult.Feasible);
}
