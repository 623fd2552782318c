namespace ComplaintFlow.Reports;

/// <summary>
/// One clock's service level over the period: clocks that stopped in time (met), stopped late (missed), and warnings
/// recorded. Achievement is met ÷ (met + missed), as help desks report SLA achievement.
/// </summary>
public sealed record ServiceLevel(string Clock, long Met, long Missed, long Warned)
{
    /// <summary>Met ÷ (met + missed); <see langword="null"/> when no clock of this name stopped in the period.</summary>
    public double? Achievement => Met + Missed == 0 ? null : (double)Met / (Met + Missed);
}
