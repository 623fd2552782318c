namespace ComplaintFlow.Policies;

/// <summary>An <see cref="IComplaintAuthorizationPolicy"/>'s answer.</summary>
public sealed record AuthorizationDecision
{
    private AuthorizationDecision(bool allowed, string? missingAuthority)
    {
        IsAllowed = allowed;
        MissingAuthority = missingAuthority;
    }

    /// <summary>The command may go ahead.</summary>
    public static AuthorizationDecision Allow { get; } = new(true, null);

    /// <summary>True when allowed.</summary>
    public bool IsAllowed { get; }

    /// <summary>What authority the actor lacks, when refused.</summary>
    public string? MissingAuthority { get; }

    /// <summary>Refuses the command, saying what authority is missing.</summary>
    public static AuthorizationDecision Deny(string missingAuthority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(missingAuthority);
        return new AuthorizationDecision(false, missingAuthority);
    }
}
