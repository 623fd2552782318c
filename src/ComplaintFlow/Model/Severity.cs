namespace ComplaintFlow;

/// <summary>How serious the complaint is for the customer and the company (PR-19).</summary>
public enum Severity
{
    /// <summary>An inconvenience.</summary>
    Low,
    /// <summary>The usual case.</summary>
    Medium,
    /// <summary>Real harm or cost to the customer.</summary>
    High,
    /// <summary>Serious harm, legal exposure or a threat to the company's reputation.</summary>
    Critical,
}
