namespace ComplaintFlow.Events;

/// <summary>What happened to a clock.</summary>
public enum ClockChangeKind
{
    /// <summary>It started counting.</summary>
    Started,
    /// <summary>It started again from now, for example after a progress update (PR-13).</summary>
    Reset,
    /// <summary>It stopped counting while the case waits on the customer.</summary>
    Paused,
    /// <summary>It counts again.</summary>
    Resumed,
    /// <summary>It stopped for good: what it measured happened, or the case ended.</summary>
    Stopped,
}
