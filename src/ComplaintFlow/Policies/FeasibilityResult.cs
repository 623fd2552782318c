namespace ComplaintFlow.Policies;

/// <summary>The answer of an <see cref="IRemedyFeasibilityCheck"/>.</summary>
/// <param name="IsFeasible">True when the remedies can be delivered.</param>
/// <param name="Reason">Why not, when they cannot; shown to the agent.</param>
public sealed record FeasibilityResult(bool IsFeasible, string? Reason)
{
    /// <summary>The remedies can be delivered.</summary>
    public static FeasibilityResult Feasible { get; } = new(true, null);

    /// <summary>The remedies cannot be delivered, for the given reason.</summary>
    public static FeasibilityResult NotFeasible(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new FeasibilityResult(false, reason);
    }
}
