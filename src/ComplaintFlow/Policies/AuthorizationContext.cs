namespace ComplaintFlow.Policies;

/// <summary>What an <see cref="IComplaintAuthorizationPolicy"/> decides on.</summary>
/// <param name="Actor">Who is acting.</param>
/// <param name="Action">The action, for example <c>propose</c>, or <c>open</c> for a new case.</param>
/// <param name="Case">The case as it is before the command; <see langword="null"/> when opening one.</param>
/// <param name="Command">The command: a <see cref="ComplaintCommand"/>, or an <see cref="OpenComplaint"/> when opening.</param>
public sealed record AuthorizationContext(Actor Actor, string Action, ComplaintCase? Case, object Command);
