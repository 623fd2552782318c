namespace ComplaintFlow;

/// <summary>
/// Someone acting on a case: an agent, a supervisor, or an automated part of the app.
/// </summary>
/// <param name="Id">A stable id for the person or system (for example an employee number).</param>
/// <param name="DisplayName">The name shown in histories and to customers.</param>
/// <param name="Tier">The authority tier the actor acts in (see <see cref="ComplaintFlowOptions.Tiers"/>), for example <c>agent</c>.</param>
public sealed record Actor(string Id, string DisplayName, string Tier)
{
    /// <summary>The actor the library itself uses for automatic changes such as clock events.</summary>
    public static Actor System { get; } = new("complaintflow", "ComplaintFlow", "system");
}
