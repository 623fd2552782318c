namespace ComplaintFlow.Workers;

/// <summary>
/// The bounds of the workers' waits, checked with their options. A wait is slept by the process (a poll interval, a
/// back-off) or added to the clock (a lease); past a day the first is refused by .NET's timers (about 49 days), the
/// second can overflow, and neither makes sense for a worker meant to keep up.
/// </summary>
internal static class WaitLimits
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>A retry the store keeps (an outbox entry's next attempt) may wait longer, up to thirty days.</summary>
    public static readonly TimeSpan MaxStoredWait = TimeSpan.FromDays(30);

    /// <summary>A fix-it message when <paramref name="value"/> is not positive or is past <paramref name="max"/>, otherwise none.</summary>
    public static IEnumerable<string> Check(string name, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            yield return $"{name} is {value}; it must be positive and at most {max}.";
        }
    }
}
