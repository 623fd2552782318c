using System.Collections.Immutable;

namespace ComplaintFlow;

/// <summary>
/// Someone acting on a case: an agent, a supervisor, a specialist such as a legal reviewer, or an automated part of
/// the app. Authority has two parts: the <see cref="Tier"/> gives seniority and money authority; <see cref="Roles"/>
/// grant particular actions without any seniority (PR-10).
/// </summary>
/// <param name="Id">A stable id for the person or system (for example an employee number).</param>
/// <param name="DisplayName">The name shown in histories and to customers.</param>
/// <param name="Tier">
/// The authority tier the actor acts in (see <see cref="ComplaintFlowOptions.Tiers"/>), for example <c>agent</c>; or
/// <see langword="null"/> for someone outside the tiers who acts only in their <see cref="Roles"/> (a lawyer reviewing
/// large settlements, say), who then has no seniority and no money authority.
/// </param>
public sealed record Actor(string Id, string DisplayName, string? Tier)
{
    /// <summary>The actor the library itself uses for automatic changes such as clock events.</summary>
    public static Actor System { get; } = new("complaintflow", "ComplaintFlow", "system");

    // JSON from a client may leave the roles out, and the generated reader then sets the list unset, not empty.
    /// <summary>
    /// Roles such as <c>legal</c> or <c>quality-review</c>: each grants the actions configured for it in
    /// <see cref="ComplaintFlowOptions.Roles"/>, and the actions of steps performed by it, whatever the tier.
    /// </summary>
    public ImmutableArray<string> Roles { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The team the actor works in, if any; an escalated case can be worked by its team (see <see cref="ComplaintFlowOptions.ProtectEscalatedCases"/>).</summary>
    public string? Team { get; init; }

    /// <summary>True when the actor holds the role.</summary>
    public bool HasRole(string role)
    {
        foreach (var held in Roles.IsDefault ? [] : Roles)
        {
            if (string.Equals(held, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && DisplayName == other.DisplayName && Tier == other.Tier && Team == other.Team
        && (Roles.IsDefaultOrEmpty ? other.Roles.IsDefaultOrEmpty : !other.Roles.IsDefault && Roles.SequenceEqual(other.Roles));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, DisplayName, Tier, Team);
}
