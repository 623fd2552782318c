namespace ComplaintFlow.Process;

/// <summary>A condition on a route, with the words an error uses when it is not met.</summary>
internal sealed record RouteGuard(string Description, Func<ComplaintCase, GuardContext, bool> IsMet)
{
    /// <summary>What exactly is unmet, when that depends on the case (which communication is missing); the description otherwise.</summary>
    public Func<ComplaintCase, GuardContext, string>? Explain { get; init; }

    public string Unmet(ComplaintCase complaint, GuardContext context) => Explain?.Invoke(complaint, context) ?? Description;
}
