namespace ComplaintFlow.AspNetCore;

/// <summary>The signed-in user maps to no actor the desk accepts: answered 403 <c>actor-unusable</c>, naming the member.</summary>
internal sealed class ActorUnusableException(string field, string reason)
    : ComplaintFlowException($"The signed-in user's {field} {reason} The app maps users to actors (ActorClaimOptions, or its own IComplaintActorAccessor); ask its administrator.")
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
