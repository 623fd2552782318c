namespace ComplaintFlow.Policies;

/// <summary>
/// The app's authorization policies, asked in registration order: one path for the command and for available actions,
/// so both refuse alike.
/// </summary>
internal static class AppAuthorization
{
    /// <summary>What the first refusing policy says is missing, or <see langword="null"/> when all allow.</summary>
    public static async ValueTask<string?> MissingAuthorityAsync(IComplaintAuthorizationPolicy[] policies, AuthorizationContext context, CancellationToken cancellationToken)
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
