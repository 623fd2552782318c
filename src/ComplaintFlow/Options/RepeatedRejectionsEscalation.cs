namespace ComplaintFlow;

/// <summary>When the customer has rejected this many proposals, a more senior tier takes over (PR-09).</summary>
public sealed class RepeatedRejectionsEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The rejection that triggers the escalation. Default: the second.</summary>
    public int Threshold { get; set; } = 2;

    /// <summary>The tier to escalate to. Default: <c>supervisor</c>.</summary>
    public string Tier { get; set; } = "supervisor";
}
