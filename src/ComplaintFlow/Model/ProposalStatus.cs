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
    /// It no longer stands: it was accepted (or offered in a final response), but a later step sent the case back before
    /// agreement (a legal review that declined it, say) or the case was reopened for a new round; or it was awaiting the
    /// customer's decision when a final response overtook it. Fulfilment needs the customer's acceptance of a new
    /// proposal, or a final response's offer (PR-08).
    /// </summary>
    Superseded,

    /// <summary>
    /// Offered in a final response without the customer's agreement: the firm carries it out anyway (see
    /// <see cref="IssueFinalResponse"/>).
    /// </summary>
    OfferedInFinalResponse,
}
