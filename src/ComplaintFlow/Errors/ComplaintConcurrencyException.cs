namespace ComplaintFlow;

/// <summary>
/// The case changed since it was read: another command saved first. Reload the case and decide again.
/// </summary>
public sealed class ComplaintConcurrencyException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintConcurrencyException(ComplaintId caseId, long expectedVersion, long actualVersion)
        : base($"Case {caseId} is at version {actualVersion}, not the expected {expectedVersion}: another change was saved first. Reload the case and try again.")
    {
        CaseId = caseId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The case.</summary>
    public ComplaintId CaseId { get; }

    /// <summary>The version the command was based on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found in the store.</summary>
    public long ActualVersion { get; }
}
