namespace ComplaintFlow.Time;

/// <summary>The names of the service clocks the presets define.</summary>
public static class ClockNames
{
    /// <summary>Time to acknowledge (PR-01).</summary>
    public const string Acknowledge = "acknowledge";
    /// <summary>Time until the customer is owed a progress update (PR-13).</summary>
    public const string CustomerUpdate = "customer-update";
    /// <summary>Time to resolve.</summary>
    public const string Resolution = "resolution";
    /// <summary>Time to fulfil after agreement (PR-12).</summary>
    public const string Fulfilment = "fulfilment";
    /// <summary>Time to follow up after fulfilment (PR-14).</summary>
    public const string FollowUp = "follow-up";
}
