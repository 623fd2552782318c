using System.Collections.Immutable;

namespace ComplaintFlow.Steps;

/// <summary>Who may take a step's actions: anyone holding one of the roles, or acting at or above the tier.</summary>
/// <param name="Roles">Roles any of which is enough, for example <c>legal</c>.</param>
/// <param name="MinimumTier">A tier at or above which is enough too; <see langword="null"/> for roles only.</param>
public sealed record StepPerformers(ImmutableArray<string> Roles, string? MinimumTier)
{
    /// <summary>Who may, in words, for refusals: "role 'legal'" or "role 'legal' or tier 'manager' or above".</summary>
    public string Describe()
    {
        var roles = Roles.IsDefaultOrEmpty ? null : (Roles.Length == 1 ? "role " : "one of the roles ") + string.Join(", ", Roles.Select(r => $"'{r}'"));
        var tier = MinimumTier is null ? null : $"tier '{MinimumTier}' or above";
        return roles is null ? tier ?? "no one" : tier is null ? roles : $"{roles} or {tier}";
    }
}
