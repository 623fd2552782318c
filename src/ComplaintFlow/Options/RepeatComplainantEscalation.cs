namespace ComplaintFlow;

/// <summary>
/// A customer who opens this many complaints within the window gets a more senior handler: something keeps going
/// wrong for them (PR-20).
/// </summary>
public sealed class RepeatComplainantEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many complaints, counting the new one, make a repeat complainant. Default: 3.</summary>
    public int Threshold { get; set; } = 3;

    /// <summary>How far back to count, from the new complaint's receipt. Default: 90 days.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The tier to escalate to. Default: <c>supervisor</c>.</summary>
    public string Tier { get; set; } = "supervisor";
}
