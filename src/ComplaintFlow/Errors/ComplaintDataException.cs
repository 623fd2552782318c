namespace ComplaintFlow;

/// <summary>
/// A stored case cannot be used: its data is unreadable, or its step is unknown to the configured process.
/// Other cases are unaffected.
/// </summary>
public sealed class ComplaintDataException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintDataException(ComplaintId caseId, string problem, Exception? innerException = null)
        : base($"Case {caseId} cannot be loaded: {problem}", innerException)
    {
        CaseId = caseId;
        Problem = problem;
    }

    /// <summary>The case that cannot be loaded.</summary>
    public ComplaintId CaseId { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
