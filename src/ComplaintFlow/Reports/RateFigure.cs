namespace ComplaintFlow.Reports;

/// <summary>A count out of a total, and their ratio (<see langword="null"/> when the total is zero).</summary>
public sealed record RateFigure(long Count, long Of)
{
    /// <summary><see cref="Count"/> ÷ <see cref="Of"/>.</summary>
    public double? Rate => Of == 0 ? null : (double)Count / Of;
}
