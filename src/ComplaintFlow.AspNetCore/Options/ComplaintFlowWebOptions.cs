namespace ComplaintFlow.AspNetCore;

/// <summary>How the web endpoints and the dashboard authorize requests and find the actor.</summary>
public sealed class ComplaintFlowWebOptions
{
    /// <summary>
    /// The authorization policy of the case endpoints. Null: the app's default policy, which by default asks for a
    /// signed-in user. The endpoints are never anonymous.
    /// </summary>
    public string? CasesPolicy { get; set; }

    /// <summary>
    /// The policy of the admin group (the outbox's parked events and re-drive) and of the dashboard's admin parts; null
    /// (the default) means no one is an admin, since parked events may quote customer data: the admin endpoints answer
    /// 403 <c>admin-not-configured</c>.
    /// </summary>
    public string? AdminPolicy { get; set; }

    /// <summary>The policy of the dashboard; null means the default policy.</summary>
    public string? DashboardPolicy { get; set; }

    /// <summary>Which claims of the signed-in user make the <see cref="Actor"/>.</summary>
    public ActorClaimOptions Claims { get; } = new();
}
