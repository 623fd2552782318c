namespace ComplaintFlow.Policies;

/// <summary>
/// The app's authorization policies, asked in registration order: one path for the command and for available actions,
/// so both refuse alike.
/// </summary>
internal static class AppAuthorization
{
    /// <summary>What the first refusing policy says is missing, or <see langword="null"/> when all allow.</summary>
    /// <remarks>The context is built only when there is a policy to read it: most apps register none, and every command asks.</remarks>
    public static ValueTask<string?> MissingAuthorityAsync(IComplaintAuthorizationPolicy[] policies, Actor actor, string action, ComplaintCase? complaint, object? command, CancellationToken cancellationToken) =>
        policies.Length == 0 ? ValueTask.FromResult<string?>(null) : AskAsync(policies, new AuthorizationContext(actor, action, complaint, command), cancellationToken);

    private static async ValueTask<string?> AskAsync(IComplaintAuthorizationPolicy[] policies, AuthorizationContext context, CancellationToken cancellationToken)
    {
        foreach (var policy in policies)
        {
            var decision = await policy.AuthorizeAsync(context, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The authorization policy {policy.GetType().FullName} returned no decision for '{context.Action}'; return AuthorizationDecision.Allow or AuthorizationDecision.Deny(...).");
            if (!decision.IsAllowed)
            {
                return decision.MissingAuthority ?? $"refused by {policy.GetType().Name}.";
            }
        }

        return null;
    }
}
