namespace ComplaintFlow.Reports;

/// <summary>
/// Of the customers who complained in the period, those with two or more complaints received within the window
/// before the period's end (PR-20).
/// </summary>
public sealed record RepeatComplainants(long Customers, long Repeat, TimeSpan Window)
{
    /// <summary>Repeat ÷ customers; <see langword="null"/> when nobody complained.</summary>
    public double? Share => Customers == 0 ? null : (double)Repeat / Customers;
}
