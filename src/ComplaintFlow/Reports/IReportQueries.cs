namespace ComplaintFlow.Reports;

/// <summary>
/// The aggregates a store computes where its data lives (SQL in the database, LINQ over the in-memory store's events);
/// <see cref="ComplaintReports"/> turns them into figures. Each call reads facts in [from, to) of a period, of the
/// cases the filter keeps.
/// </summary>
internal interface IReportQueries
{
    /// <summary>The store the rows are read from, named in a failure to read one.</summary>
    string StoreName { get; }

    /// <summary>Facts in the period, counted by kind, key and flag.</summary>
    ValueTask<IReadOnlyList<FactCount>> CountFactsAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Cases open at the instant (in a spell opened before it and not ended by it).</summary>
    ValueTask<long> CountOpenAsync(long at, ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>The measured facts of one kind in the period: count, sums and nearest-rank median and 90th percentile.</summary>
    ValueTask<Durations> MeasureAsync(string kind, ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Customers with a complaint received in the period, and those of them with two or more received from <paramref name="since"/> to the period's end.</summary>
    ValueTask<(long Customers, long Repeat)> CountRepeatComplainantsAsync(ReportPeriod period, long since, ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>Cases received in the period, counted by week or month of receipt and by root cause or category.</summary>
    ValueTask<IReadOnlyList<TrendCount>> CountTrendAsync(ReportPeriod period, ReportFilter filter, bool monthly, bool byCategory, CancellationToken cancellationToken);

    /// <summary>Redress facts in the period, summed by kind and currency, in minor units.</summary>
    ValueTask<IReadOnlyList<MoneySum>> SumRedressAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken);

    /// <summary>The UK return's cells for the period, by product group and cause group.</summary>
    ValueTask<IReadOnlyList<FcaCell>> FcaReturnAsync(ReportPeriod period, CancellationToken cancellationToken);

    /// <summary>The rows of cases received in the period or open at its start.</summary>
    ValueTask<IReadOnlyList<ReportCaseRow>> CasesInScopeAsync(ReportPeriod period, CancellationToken cancellationToken);

    /// <summary>Replaces a case's rows with those rebuilt from its history, in one transaction.</summary>
    ValueTask ReplaceAsync(ReportCaseRow row, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportSpell> spells, CancellationToken cancellationToken);
}

/// <summary>A count of facts of one kind, key and flag.</summary>
internal readonly record struct FactCount(string Kind, string Key, bool Flag, long Count);

/// <summary>How measured facts are spread: seconds of business time and of calendar time.</summary>
internal readonly record struct Durations(long Count, long SumBusiness, long SumCalendar, long? MedianBusiness, long? P90Business, long? MedianCalendar, long? P90Calendar);

/// <summary>Cases received in one bucket with one key.</summary>
internal readonly record struct TrendCount(string Bucket, string Key, long Count);

/// <summary>A sum of money of one redress kind in one currency, in minor units.</summary>
internal readonly record struct MoneySum(string Kind, string Currency, long MinorUnits);

/// <summary>One cell of the UK return.</summary>
internal readonly record struct FcaCell(string ProductGroup, string CauseGroup, long Outstanding, long Opened, long WithinThreeDays, long WithinEightWeeks, long Later, long Upheld, long RedressMinor, long GoodwillMinor);
