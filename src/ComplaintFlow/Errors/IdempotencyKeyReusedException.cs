namespace ComplaintFlow;

/// <summary>
/// An idempotency key was sent again with a different command. A key may only repeat the exact command it was first used with.
/// </summary>
public sealed class IdempotencyKeyReusedException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyReusedException(string idempotencyKey, ComplaintId firstCaseId)
        : base($"Idempotency key '{idempotencyKey}' was already used for a different command (on case {firstCaseId}). Use a new key for a new command.")
    {
        IdempotencyKey = idempotencyKey;
        FirstCaseId = firstCaseId;
    }

    /// <summary>The reused key.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The case the key was first used on.</summary>
    public ComplaintId FirstCaseId { get; }
}
