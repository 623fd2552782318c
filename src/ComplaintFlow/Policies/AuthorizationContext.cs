namespace ComplaintFlow.Policies;

/// <summary>What an <see cref="IComplaintAuthorizationPolicy"/> decides on.</summary>
/// <param name="Actor">Who is acting.</param>
/// <param name="Action">The action, for example <c>propose</c>, or <c>open</c> for a new case.</param>
/// <param name="Case">The case as it is before the command; <see langword="null"/> when opening one.</param>
/// <param name="Command">
/// The command: a <see cref="ComplaintCommand"/>, or an <see cref="OpenComplaint"/> when opening; <see langword="null"/>
/// when the desk lists the actions available to the actor (<see cref="IComplaintDesk.GetAvailableActionsAsync"/>). A
/// policy that decides on the command's fields should allow when it is null; it decides when the command runs.
/// </param>
public sealed record AuthorizationContext(Actor Actor, string Action, ComplaintCase? Case, object? Command);
