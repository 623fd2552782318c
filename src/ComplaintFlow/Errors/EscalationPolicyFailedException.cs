namespace ComplaintFlow;

/// <summary>An escalation policy threw or asked for something impossible; the command saved nothing.</summary>
public sealed class EscalationPolicyFailedException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public EscalationPolicyFailedException(string policy, ComplaintId caseId, string problem, Exception? innerException = null)
        : base($"Escalation policy '{policy}' failed on case {caseId}: {problem} Nothing was saved; fix or remove the policy and retry.", innerException)
    {
        Policy = policy;
        CaseId = caseId;
        Problem = problem;
    }

    /// <summary>The policy's name.</summary>
    public string Policy { get; }

    /// <summary>The case the command was for.</summary>
    public ComplaintId CaseId { get; }

    /// <summary>What went wrong.</summary>
    public string Problem { get; }
}
