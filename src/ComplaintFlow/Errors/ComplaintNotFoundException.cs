namespace ComplaintFlow;

/// <summary>No case with the given id exists in the store.</summary>
public sealed class ComplaintNotFoundException : ComplaintFlowException
{
    /// <summary>Creates the exception for the missing case.</summary>
    public ComplaintNotFoundException(ComplaintId caseId)
        : base($"No complaint case with id {caseId} exists.")
    {
        CaseId = caseId;
    }

    /// <summary>The id that was not found.</summary>
    public ComplaintId CaseId { get; }
}
