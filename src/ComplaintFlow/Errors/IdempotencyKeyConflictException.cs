namespace ComplaintFlow.Storage;

/// <summary>
/// Thrown by a store when a save carries an idempotency key that another save already recorded.
/// The desk catches it and answers with the first command's result; apps do not normally see it.
/// </summary>
public sealed class IdempotencyKeyConflictException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyConflictException(string idempotencyKey)
        : base($"Idempotency key '{idempotencyKey}' is already recorded.")
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The key that is already recorded.</summary>
    public string IdempotencyKey { get; }
}
