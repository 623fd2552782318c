namespace ComplaintFlow;

/// <summary>The app's feasibility check said the proposed remedy cannot be delivered, so it was not promised (PR-07).</summary>
public sealed class RemedyNotFeasibleException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public RemedyNotFeasibleException(ComplaintId caseId, string reason)
        : base($"The proposal for case {caseId} was not recorded because it cannot be delivered: {reason} Offer something the company can deliver (PR-07).")
    {
        CaseId = caseId;
        Reason = reason;
    }

    /// <summary>The case.</summary>
    public ComplaintId CaseId { get; }

    /// <summary>Why the remedy cannot be delivered.</summary>
    public string Reason { get; }
}
