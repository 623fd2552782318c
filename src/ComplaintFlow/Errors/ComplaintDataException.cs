namespace ComplaintFlow;

/// <summary>
/// Stored data cannot be used: a case's snapshot or history is unreadable or damaged, its step is unknown to the
/// configured process, or a stored id or idempotency record cannot be read. Other cases are unaffected.
/// </summary>
public sealed class ComplaintDataException : ComplaintFlowException
{
    /// <summary>Creates the exception for a case whose stored data cannot be used.</summary>
    public ComplaintDataException(ComplaintId caseId, string problem, Exception? innerException = null)
        : this($"Case {caseId} cannot be loaded: {problem}", problem, innerException)
    {
        CaseId = caseId;
    }

    private ComplaintDataException(string message, string problem, Exception? innerException)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>The case whose data cannot be used, when it is known.</summary>
    public ComplaintId? CaseId { get; private init; }

    /// <summary>The idempotency key whose stored record cannot be read, when the problem is with one.</summary>
    public string? IdempotencyKey { get; private init; }

    /// <summary>The stored id text that is not a case id, when the problem is with one (for example a hand-edited row).</summary>
    public string? StoredId { get; private init; }

    /// <summary>What is wrong with the data.</summary>
    public string Problem { get; }

    /// <summary>The stored record of an idempotency key cannot be read.</summary>
    public static ComplaintDataException ForIdempotencyRecord(string idempotencyKey, string problem, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return new($"The record of idempotency key '{idempotencyKey}' cannot be read: {problem}", problem, innerException) { IdempotencyKey = idempotencyKey };
    }

    /// <summary>A stored row's id is not a case id.</summary>
    public static ComplaintDataException ForStoredId(string storedId, string problem, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(storedId);
        return new($"A stored case row has the id '{storedId}', which cannot be used: {problem}", problem, innerException) { StoredId = storedId };
    }
}
