namespace ComplaintFlow;

/// <summary>The actor lacks the authority the action needs (PR-07, PR-10, PR-14).</summary>
public sealed class ComplaintAuthorizationException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintAuthorizationException(string actorId, string action, string missingAuthority)
        : base($"Actor '{actorId}' may not '{action}': {missingAuthority}")
    {
        ActorId = actorId;
        Action = action;
        MissingAuthority = missingAuthority;
    }

    /// <summary>The actor who was refused.</summary>
    public string ActorId { get; }

    /// <summary>The action refused.</summary>
    public string Action { get; }

    /// <summary>What authority was missing.</summary>
    public string MissingAuthority { get; }
}
