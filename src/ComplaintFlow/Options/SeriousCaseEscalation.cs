namespace ComplaintFlow;

/// <summary>Cases serious enough to need an experienced team go to it as soon as they are known to be (PR-19).</summary>
public sealed class SeriousCaseEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cases at or above this severity qualify. Default: <see cref="Severity.Critical"/>.</summary>
    public Severity MinimumSeverity { get; set; } = Severity.Critical;

    /// <summary>Cases carrying any of these flags qualify. Default: reputation risk, regulatory and vulnerable customer.</summary>
    public ComplaintFlags Flags { get; set; } = ComplaintFlags.ReputationRisk | ComplaintFlags.Regulatory | ComplaintFlags.VulnerableCustomer;

    /// <summary>The tier to escalate to. Default: <c>specialist-team</c>.</summary>
    public string Tier { get; set; } = "specialist-team";

    /// <summary>The team to escalate to. Default: <c>specialist-complaints</c>.</summary>
    public string? Team { get; set; } = "specialist-complaints";
}
