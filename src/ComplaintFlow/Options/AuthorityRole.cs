namespace ComplaintFlow;

/// <summary>
/// A role such as <c>legal</c> or <c>quality-review</c>: it lets its holders take the listed actions whatever their
/// tier, without giving them any seniority or money authority (PR-10). Steps can also name the roles that perform them
/// (see <see cref="Steps.StepFacts.PerformedBy"/>); those need no entry here.
/// </summary>
public sealed class AuthorityRole
{
    /// <summary>The role's name, as held in <see cref="Actor.Roles"/>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The actions the role grants, by action name (see <see cref="Process.ComplaintActions"/>).</summary>
    public ISet<string> Actions { get; } = new HashSet<string>(StringComparer.Ordinal);
}
