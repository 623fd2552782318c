namespace ComplaintFlow;

/// <summary>When the customer asks for a manager (<see cref="RecordManagerRequest"/>), the case goes to one.</summary>
public sealed class ManagerRequestedEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The tier to escalate to. Default: <c>manager</c>.</summary>
    public string Tier { get; set; } = "manager";
}
