namespace ComplaintFlow.Time;

/// <summary>The moments in a case's life that start, stop or reset clocks.</summary>
[Flags]
public enum ClockTriggers
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>The case was opened; clocks started by it count from the complaint's receipt.</summary>
    Opened = 1,
    /// <summary>The complaint was acknowledged.</summary>
    Acknowledged = 2,
    /// <summary>A progress update was sent to the customer (PR-13).</summary>
    CustomerUpdated = 4,
    /// <summary>The customer accepted a proposal (PR-12).</summary>
    Agreed = 8,
    /// <summary>The remedy was carried out.</summary>
    Fulfilled = 16,
    /// <summary>The follow-up was recorded or waived, or the customer proved unreachable.</summary>
    FollowedUp = 32,
    /// <summary>The case was reopened.</summary>
    Reopened = 64,
    /// <summary>The case closed or was withdrawn; this stops every clock.</summary>
    Closed = 128,

    /// <summary>A final response was sent: by <see cref="IssueFinalResponse"/>, or recorded with <see cref="RecordCommunication"/>.</summary>
    FinalResponseSent = 256,

    /// <summary>A summary resolution communication was sent (UK, within three business days).</summary>
    SummaryResolutionSent = 512,

    /// <summary>An IDR response was sent (Australia).</summary>
    IdrResponseSent = 1024,

    /// <summary>A CFPB in-progress response was sent (United States).</summary>
    CfpbInProgressSent = 2048,

    /// <summary>A CFPB final response was sent (United States).</summary>
    CfpbResponseSent = 4096,
}
