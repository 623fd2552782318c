namespace ComplaintFlow.Reports;

/// <summary>How a summary groups and ranks.</summary>
public sealed record SummaryOptions
{
    /// <summary>The defaults: weekly trends, the top 5, a 90-day window for repeat complainants.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <summary>Trend buckets by month instead of by week (weeks start on Monday).</summary>
    public bool Monthly { get; init; }

    /// <summary>How many root causes and categories the top lists keep.</summary>
    public int Top { get; init; } = 5;

    /// <summary>The window in which a customer's complaints make them a repeat complainant.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromDays(90);
}
