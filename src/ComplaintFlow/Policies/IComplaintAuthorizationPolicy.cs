namespace ComplaintFlow.Policies;

/// <summary>
/// An app's own rule about who may do what, checked for every command after the built-in tier rules and before
/// anything changes; for example "only the owner or a supervisor may propose". Every registered policy must allow.
/// Register with <c>AddComplaintFlow().AddAuthorizationPolicy&lt;T&gt;()</c>.
/// </summary>
public interface IComplaintAuthorizationPolicy
{
    /// <summary>Allows or refuses the command. Must not change anything.</summary>
    ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationContext context, CancellationToken cancellationToken);
}
