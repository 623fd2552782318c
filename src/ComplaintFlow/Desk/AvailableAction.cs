using System.Text.Json;

namespace ComplaintFlow;

/// <summary>
/// One action an actor could take on a case, as <see cref="IComplaintDesk.GetAvailableActionsAsync"/> reports it:
/// what it is, the JSON schema of its input, and whether the same checks the command runs would let it pass now.
/// </summary>
/// <param name="Name">The action's name, for example <c>propose</c> or a custom step's <c>complete-legal-review</c>.</param>
/// <param name="Command">The command's JSON discriminator (see <see cref="Serialization.ComplaintFlowJson"/>), for example <c>propose</c> or <c>complete-step</c>.</param>
/// <param name="CommandType">The command's .NET type.</param>
/// <param name="StepId">For a custom step's action, the step; otherwise <see langword="null"/>.</param>
/// <param name="InputSchema">
/// The JSON schema of the action's input: the command's own members, without the case id and the actor (which come
/// from the request), or for a custom step <c>{ "input": ..., "reason": ... }</c>. Values the desk's rules refuse on every
/// case are left out (record-communication lists only the kinds it can record under the configured rules).
/// </param>
/// <param name="IsAvailable">True when the process, the actor's tier and roles, the step's performers and the escalation protection allow it now.</param>
/// <param name="Refusal">When not available: the message the command would be refused with.</param>
public sealed record AvailableAction(string Name, string Command, Type CommandType, string? StepId, JsonElement InputSchema, bool IsAvailable, string? Refusal);
