namespace ComplaintFlow.Process;

/// <summary>The stable ids of the built-in steps and terminal states. Ids are stored on every case.</summary>
public static class StepIds
{
    /// <summary>Waiting for the company to acknowledge the complaint and name an owner (PR-01, PR-04).</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>Waiting for the customer's account (PR-02, PR-03).</summary>
    public const string Listen = "listen";

    /// <summary>Waiting for the customer to confirm the agent's restatement (PR-05).</summary>
    public const string Validate = "validate";

    /// <summary>Waiting for a feasible, authorised proposal (PR-06, PR-07, PR-16, PR-17).</summary>
    public const string SeekResolution = "seek-resolution";

    /// <summary>Waiting for the customer's decision on the proposal (PR-08, PR-09).</summary>
    public const string GainAgreement = "gain-agreement";

    /// <summary>Waiting for the agreed remedy to be carried out (PR-12).</summary>
    public const string Fulfil = "fulfil";

    /// <summary>Waiting for the check-in with the customer (PR-14).</summary>
    public const string FollowUp = "follow-up";

    /// <summary>Terminal: the customer was satisfied, or the follow-up was waived.</summary>
    public const string Closed = "closed";

    /// <summary>Terminal: the customer withdrew the complaint.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The superstate that groups every open step in diagrams; never stored on a case.</summary>
    public const string Open = "open";
}
