namespace ComplaintFlow;

/// <summary>Where the agent's restatement of the problem stands (PR-05).</summary>
public enum ParaphraseStatus
{
    /// <summary>Put to the customer; no answer yet.</summary>
    AwaitingConfirmation,
    /// <summary>The customer agreed that this is their problem.</summary>
    Confirmed,
    /// <summary>The customer said it was not quite right; the agent listens again.</summary>
    Corrected,
}
