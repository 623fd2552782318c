namespace ComplaintFlow;

/// <summary>
/// Breached clocks escalate: missing an acknowledgement or a promised update goes to a supervisor (PR-01, PR-13);
/// missing a regulator's deadline goes to the specialist team.
/// </summary>
public sealed class ClockBreachEscalation
{
    /// <summary>Whether the policy runs. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The service clocks whose breach escalates. Default: <c>acknowledge</c> and <c>customer-update</c>.</summary>
    public IList<string> Clocks { get; } = [Time.ClockNames.Acknowledge, Time.ClockNames.CustomerUpdate];

    /// <summary>Where a breach of one of <see cref="Clocks"/> goes. Default: <c>supervisor</c>.</summary>
    public string Tier { get; set; } = "supervisor";

    /// <summary>Where a regulatory breach goes. Default: <c>specialist-team</c>.</summary>
    public string RegulatoryTier { get; set; } = "specialist-team";

    /// <summary>The team a regulatory breach goes to. Default: <c>specialist-complaints</c>.</summary>
    public string? RegulatoryTeam { get; set; } = "specialist-complaints";
}
