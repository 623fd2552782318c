namespace ComplaintFlow.Events;

/// <summary>Why a case closed (PR-14).</summary>
public enum CloseReason
{
    /// <summary>The follow-up found the customer satisfied.</summary>
    CustomerSatisfied,
    /// <summary>An authorised actor waived the follow-up.</summary>
    FollowUpWaived,
    /// <summary>The customer did not answer the configured number of follow-up attempts; recorded as a waiver.</summary>
    CustomerUnreachable,

    /// <summary>
    /// The case ended with a final response sent without the customer's agreement; its follow-up then closed it (the
    /// follow-up's own event says how).
    /// </summary>
    AfterFinalResponse,
}
