using System.Security.Claims;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The claims the default <see cref="IComplaintActorAccessor"/> reads. Each is tried in order; the first present wins.
/// </summary>
public sealed class ActorClaimOptions
{
    /// <summary>The actor's id: <c>sub</c>, then <see cref="ClaimTypes.NameIdentifier"/>.</summary>
    public IList<string> Id { get; } = ["sub", ClaimTypes.NameIdentifier];

    /// <summary>The actor's display name: <c>name</c>, then <see cref="ClaimTypes.Name"/>; the id when neither is present.</summary>
    public IList<string> Name { get; } = ["name", ClaimTypes.Name];

    /// <summary>The actor's tier (agent, supervisor…): <c>complaintflow:tier</c>; none means the actor has no tier.</summary>
    public IList<string> Tier { get; } = ["complaintflow:tier"];

    /// <summary>The actor's team: <c>complaintflow:team</c>.</summary>
    public IList<string> Team { get; } = ["complaintflow:team"];

    /// <summary>The actor's roles, every claim of these types: <see cref="ClaimTypes.Role"/> and <c>role</c>.</summary>
    public IList<string> Roles { get; } = [ClaimTypes.Role, "role"];
}
