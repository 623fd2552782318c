namespace ComplaintFlow;

/// <summary>Flags that change how a case must be handled (PR-19).</summary>
[Flags]
public enum ComplaintFlags
{
    /// <summary>No special handling.</summary>
    None = 0,
    /// <summary>Mishandling this case could harm the company's reputation (public post, press, influencer).</summary>
    ReputationRisk = 1,
    /// <summary>The complaint falls under a regulator's complaint-handling rules.</summary>
    Regulatory = 2,
    /// <summary>The customer is in a vulnerable situation and needs extra care.</summary>
    VulnerableCustomer = 4,
}
