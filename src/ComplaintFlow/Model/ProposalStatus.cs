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
    /// <summary>
    /// It was accepted, but a later step sent the case back before agreement (a legal review that declined it, say):
    /// it is no longer agreed, and fulfilment needs the customer's acceptance of a new proposal (PR-08).
    /// </summary>
    Superseded,

    /// <summary>
    /// Offered in a final response without the customer's agreement: the firm carries it out anyway (see
    /// <see cref="IssueFinalResponse"/>).
    /// </summary>
    OfferedInFinalResponse,
}
