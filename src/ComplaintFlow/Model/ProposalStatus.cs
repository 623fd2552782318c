namespace ComplaintFlow;

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus
{
    /// <summary>Waiting for the customer's decision.</summary>
    Open,
    /// <summary>The customer accepted it (PR-08).</summary>
    Accepted,
    /// <summary>The customer rejected it (PR-09).</summary>
    Rejected,
}
