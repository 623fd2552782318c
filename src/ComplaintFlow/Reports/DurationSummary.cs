namespace ComplaintFlow.Reports;

/// <summary>
/// How long something took, from receipt: over <see cref="Count"/> cases, the median, the 90th percentile and the mean,
/// in business time on the configured calendar and in calendar time. Percentiles are nearest-rank (the smallest value
/// at or above that share of the values), so they are always a measured value; <see langword="null"/> without values.
/// </summary>
public sealed record DurationSummary(long Count, TimeSpan? MedianBusiness, TimeSpan? Percentile90Business, TimeSpan? MeanBusiness, TimeSpan? MedianCalendar, TimeSpan? Percentile90Calendar, TimeSpan? MeanCalendar);
