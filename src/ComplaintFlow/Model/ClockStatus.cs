namespace ComplaintFlow;

/// <summary>Whether a case's clock is counting.</summary>
public enum ClockStatus
{
    /// <summary>Counting towards its deadline.</summary>
    Running,
    /// <summary>Not counting while the case waits on the customer.</summary>
    Paused,
    /// <summary>Stopped: what it measured has happened, or the case ended.</summary>
    Stopped,
}
