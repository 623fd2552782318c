namespace ComplaintFlow;

/// <summary>
/// An idempotency key was sent again with a different command, or by a different actor id. A key may only repeat the
/// command it was first used with, from the same actor (whose display name, tier, team and roles may have changed).
/// </summary>
public sealed class IdempotencyKeyReusedException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyReusedException(string idempotencyKey, ComplaintId firstCaseId)
        : base($"Idempotency key '{idempotencyKey}' was already used for a different command or by another actor (on case {firstCaseId}). Use a new key for a new command.")
    {
        IdempotencyKey = idempotencyKey;
        FirstCaseId = firstCaseId;
    }

    /// <summary>The reused key.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The case the key was first used on.</summary>
    public ComplaintId FirstCaseId { get; }
}
