namespace ComplaintFlow.Process;

/// <summary>A condition on a route, with the words an error uses when it is not met.</summary>
internal sealed record RouteGuard(string Description, Func<ComplaintCase, GuardContext, bool> IsMet);
