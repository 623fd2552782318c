namespace ComplaintFlow.Reports;

/// <summary>How many cases received in one week or month (its first day, a local date) had a root cause or category.</summary>
public sealed record TrendPoint(DateOnly Bucket, string Key, long Count);
