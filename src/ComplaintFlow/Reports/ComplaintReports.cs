using System.Collections.Immutable;
using System.Globalization;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Reports;

/// <summary>
/// Turns a store's aggregates into the figures of docs/reports.md. A store that keeps report rows answers in its
/// database; any other is reported from its histories, folded in memory with the same rules.
/// </summary>
internal sealed class ComplaintReports(IComplaintStore store, IOptions<ComplaintFlowOptions> options, TimeProvider time, IEnumerable<IAsicIdrFields> appFields) : IComplaintReports
{
    private readonly CaseEndRules _ends = new(options.Value);
    private readonly Time.BusinessCalendar _calendar = options.Value.Clocks.Calendar;
    private readonly IReportQueries? _tables = StoreChain.ReportsOf(store);
    private readonly IAsicIdrFields? _appFields = appFields.LastOrDefault();

    private const int MaxQueriesAtOnce = 4;

    public async ValueTask<ComplaintSummary> GetSummaryAsync(ReportPeriod period, ReportFilter? filter = null, SummaryOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(period);
        filter ??= ReportFilter.All;
        filter.Check();
        options ??= SummaryOptions.Default;
        if (options.Top < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Top, "SummaryOptions.Top must be 1 or more.");
        }

        if (options.RepeatWindow <= TimeSpan.Zero || options.RepeatWindow > MaxRepeatWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RepeatWindow, "SummaryOptions.RepeatWindow must be positive and at most a hundred years.");
        }

        var queries = await QueriesAsync(cancellationToken).ConfigureAwait(false);

        // The figures are independent statements, each on a connection of its own and none sharing a snapshot with
        // another whether they run in turn or not, so they run side by side (SQLite's async calls run synchronously,
        // hence Task.Run): a month of the benchmark's million-case SQLite file took 684-1,005 ms instead of
        // 1,084-1,635 ms on two cores, in alternated runs. At most four at a time, so one summary holds no more than
        // four pooled connections and thread-pool threads.
        using var lanes = new SemaphoreSlim(MaxQueriesAtOnce);
        Task<T> Start<T>(Func<ValueTask<T>> query) => Task.Run(
            async () =>
            {
                await lanes.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await query().ConfigureAwait(false);
                }
                finally
                {
                    lanes.Release();
                }
            },
            cancellationToken);
        var factsQuery = Start(() => queries.CountFactsAsync(period, filter, cancellationToken));
        var repeatQuery = Start(() => queries.CountRepeatComplainantsAsync(period, (period.To - options.RepeatWindow).UtcTicks, filter, cancellationToken));
        var causeTrendQuery = Start(() => queries.CountTrendAsync(period, filter, options.Monthly, byCategory: false, cancellationToken));
        var categoryTrendQuery = Start(() => queries.CountTrendAsync(period, filter, options.Monthly, byCategory: true, cancellationToken));
        var redressQuery = Start(() => queries.SumRedressAsync(period, filter, cancellationToken));
        var openAtStartQuery = Start(() => queries.CountOpenAsync(period.From.UtcTicks, filter, cancellationToken));
        var openAtEndQuery = Start(() => queries.CountOpenAsync(period.To.UtcTicks, filter, cancellationToken));
        var acknowledgeQuery = Start(() => queries.MeasureAsync(ReportFacts.Acknowledged, period, filter, cancellationToken));
        var resolveQuery = Start(() => queries.MeasureAsync(ReportFacts.Resolved, period, filter, cancellationToken));
        await Task.WhenAll(factsQuery, repeatQuery, causeTrendQuery, categoryTrendQuery, redressQuery, openAtStartQuery, openAtEndQuery, acknowledgeQuery, resolveQuery).ConfigureAwait(false);

        var facts = await factsQuery.ConfigureAwait(false);
        long Count(string kind) => facts.Where(f => f.Kind == kind).Sum(f => f.Count);
        var received = Count(ReportFacts.Received);
        var closed = Count(ReportFacts.Closed);
        var followUps = facts.Where(f => f.Kind == ReportFacts.FollowUp).ToList();
        var scored = followUps.Where(f => f.Key.Length > 0).ToList();
        var scoredCount = scored.Sum(f => f.Count);
        var repeat = await repeatQuery.ConfigureAwait(false);
        var causeTrend = await causeTrendQuery.ConfigureAwait(false);
        var categoryTrend = await categoryTrendQuery.ConfigureAwait(false);
        var redress = await redressQuery.ConfigureAwait(false);

        return new ComplaintSummary
        {
            Period = period,
            Filter = filter,
            Received = received,
            Acknowledged = Count(ReportFacts.Acknowledged),
            Resolved = Count(ReportFacts.Resolved),
            Closed = closed,
            Withdrawn = Count(ReportFacts.Withdrawn),
            Reopened = Count(ReportFacts.Reopened),
            OpenAtStart = await openAtStartQuery.ConfigureAwait(false),
            OpenAtEnd = await openAtEndQuery.ConfigureAwait(false),
            TimeToAcknowledge = Summary(await acknowledgeQuery.ConfigureAwait(false)),
            TimeToResolve = Summary(await resolveQuery.ConfigureAwait(false)),
            ServiceLevels = [.. facts.Where(f => f.Kind is ReportFacts.ClockMet or ReportFacts.ClockMissed or ReportFacts.ClockWarned).GroupBy(f => f.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ServiceLevel(g.Key, g.Where(f => f.Kind == ReportFacts.ClockMet).Sum(f => f.Count), g.Where(f => f.Kind == ReportFacts.ClockMissed).Sum(f => f.Count), g.Where(f => f.Kind == ReportFacts.ClockWarned).Sum(f => f.Count)))],
            FirstContactResolution = new RateFigure(facts.Where(f => f.Kind == ReportFacts.Closed && f.Flag).Sum(f => f.Count), closed),
            ReopenRate = new RateFigure(Count(ReportFacts.Reopened), closed),
            Escalations = [.. facts.Where(f => f.Kind == ReportFacts.Escalated).GroupBy(f => f.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new EscalationFigure(g.Key, g.Sum(f => f.Count), received))],
            Csat = new CsatSummary(
                followUps.Sum(f => f.Count),
                scoredCount == 0 ? null : (double)scored.Sum(f => f.Count * Stored(queries, "a CSAT score", f.Key, static k => int.Parse(k, NumberStyles.None, CultureInfo.InvariantCulture))) / scoredCount,
                [.. Enumerable.Range(1, 5).Select(score => scored.Where(f => f.Key == score.ToString(CultureInfo.InvariantCulture)).Sum(f => f.Count))],
                followUps.Sum(f => f.Count) == 0 ? null : (double)followUps.Where(f => f.Flag).Sum(f => f.Count) / followUps.Sum(f => f.Count)),
            RepeatComplainants = new RepeatComplainants(repeat.Customers, repeat.Repeat, options.RepeatWindow),
            TopRootCauses = Top(causeTrend, options.Top),
            TopCategories = Top(categoryTrend, options.Top),
            RootCauseTrend = Trend(queries, causeTrend),
            CategoryTrend = Trend(queries, categoryTrend),
            Upheld = new RateFigure(
                facts.Where(f => f.Kind == ReportFacts.Closed && f.Key is nameof(ComplaintOutcome.Upheld) or nameof(ComplaintOutcome.PartlyUpheld)).Sum(f => f.Count),
                facts.Where(f => f.Kind == ReportFacts.Closed && f.Key.Length > 0).Sum(f => f.Count)),
            Redress = [.. redress.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
                .Select(r => new RedressFigure(Stored(queries, "a redress kind", r.Kind, static k => Enum.Parse<RedressKind>(k)), new Money(ReportFacts.FromMinorUnits(r.MinorUnits, r.Currency), r.Currency)))],
        };
    }

    public async ValueTask<FcaReturn> GetFcaReturnAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        Check(period);
        var queries = await QueriesAsync(cancellationToken).ConfigureAwait(false);
        var cells = await queries.FcaReturnAsync(period, cancellationToken).ConfigureAwait(false);
        return new FcaReturn(period, [.. cells.OrderBy(c => c.ProductGroup, StringComparer.Ordinal).ThenBy(c => c.CauseGroup, StringComparer.Ordinal).Select(c => new FcaReturnRow(
            c.ProductGroup, c.CauseGroup, c.Outstanding, c.Opened, c.WithinThreeDays, c.WithinEightWeeks, c.Later, c.Upheld,
            ReportFacts.FromMinorUnits(c.RedressMinor, "GBP"), ReportFacts.FromMinorUnits(c.GoodwillMinor, "GBP")))]);
    }

    public async ValueTask<IReadOnlyList<AsicIdrRow>> GetAsicIdrRowsAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        Check(period);
        var queries = await QueriesAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AsicIdrRow>();
        foreach (var c in (await queries.CasesInScopeAsync(period, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.ReceivedAt).ThenBy(c => c.CaseId.Value))
        {
            var received = Stored(queries, "a received date", c.ReceivedDate, Date);
            DateOnly? closed = c.ClosedDate is { } text ? Stored(queries, "a closed date", text, Date) : null;
            var row = new AsicIdrRow
            {
                ComplaintId = c.CaseId,
                DateReceived = received,
                DateClosed = closed,
                DaysToClose = closed is { } day ? day.DayNumber - received.DayNumber : null,
                Status = c.Status,
                ReceivedChannel = c.Channel,
                Product = c.Product,
                Issues = [.. c.Categories],
                RootCause = c.RootCause,
                Outcome = c.Decision,
                MonetaryRemedy = c.PaidCurrency is { } currency ? new Money(ReportFacts.FromMinorUnits(c.PaidMinorUnits, currency), currency) : null,
            };
            if (_appFields is not null)
            {
                row = row with { AppFields = (await _appFields.GetFieldsAsync(row, cancellationToken).ConfigureAwait(false)).ToImmutableDictionary() };
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask<CfpbSummary> GetCfpbSummaryAsync(ReportPeriod period, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        Check(period);
        var now = (asOf ?? time.GetUtcNow()).UtcTicks;
        var queries = await QueriesAsync(cancellationToken).ConfigureAwait(false);
        var byType = new Dictionary<CfpbResponseType, long>();
        var awaiting = 0L;
        foreach (var c in await queries.CasesInScopeAsync(period, cancellationToken).ConfigureAwait(false))
        {
            // Cases received before the period, or after the instant asked about (they did not exist yet), are not counted.
            if (c.ReceivedAt < period.From.UtcTicks || c.ReceivedAt > now)
            {
                continue;
            }

            if (CfpbType(c, now) is { } type)
            {
                byType[type] = byType.GetValueOrDefault(type) + 1;
            }
            else
            {
                awaiting++;
            }
        }

        return new CfpbSummary(period, new DateTimeOffset(now, TimeSpan.Zero), byType.ToImmutableDictionary(), awaiting);
    }

    // A repeat window longer than the calendar's three centuries means nothing, and would run before the first instant.
    private static readonly TimeSpan MaxRepeatWindow = TimeSpan.FromDays(36_600);

    /// <summary>A default period skipped the constructor's checks: it has no dates, so it is refused rather than read.</summary>
    private static void Check(ReportPeriod period)
    {
        if (period.To <= period.From)
        {
            throw new ArgumentException("The period has no dates (a default ReportPeriod); create one with new ReportPeriod(from, to), ReportPeriod.Month or ReportPeriod.HalfYear.", nameof(period));
        }
    }

    public async ValueTask<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        if (_tables is not { } queries)
        {
            return 0;
        }

        var rebuilt = 0;
        ComplaintId? after = null;
        do
        {
            var page = await store.QueryAsync(new ComplaintQuery { OpenOnly = false, After = after, Limit = 500 }, cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page.Cases)
            {
                await RebuildCaseAsync(queries, complaint, cancellationToken).ConfigureAwait(false);
                rebuilt++;
            }

            after = page.Next;
        }
        while (after is not null);

        return rebuilt;
    }

    /// <summary>
    /// Replaces one case's report rows with those of its history. A save that lands while the history is read or
    /// the rows are replaced would have its rows overwritten by older ones, so the case is read again afterwards and
    /// rebuilt again until its version held still across the replacement; a save after the replacement adds its own
    /// rows on top, as every save does.
    /// </summary>
    private async ValueTask RebuildCaseAsync(IReportQueries queries, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        for (ComplaintCase? current = complaint; current is not null;)
        {
            var history = await store.GetHistoryAsync(current.Id, cancellationToken).ConfigureAwait(false);
            if (history.Count == current.Version)
            {
                var (row, facts, spells) = CaseReporting.FromHistory(current, history, _calendar, _ends);
                await queries.ReplaceAsync(row, facts, spells, cancellationToken).ConfigureAwait(false);
            }

            var now = await store.FindAsync(current.Id, cancellationToken).ConfigureAwait(false);
            if (now is not null && now.Version == current.Version && history.Count != current.Version)
            {
                // Nothing moved, yet the history does not add up to the case: damaged data, not a race to wait out.
                throw new ComplaintDataException(current.Id, $"the case is at version {current.Version} but its history holds {history.Count} events, so its report rows cannot be rebuilt");
            }

            current = now is not null && now.Version != current.Version ? now : null;
        }
    }

    /// <summary>The CFPB type from a case's row, by the rules of <see cref="CfpbResponses.TypeOf"/>: responses sent after <paramref name="now"/> do not count yet.</summary>
    internal static CfpbResponseType? CfpbType(ReportCaseRow c, long now)
    {
        var firstResponse = c.FirstResponseAt <= now ? c.FirstResponseAt : null;
        if ((firstResponse ?? now) > c.FirstResponseDue)
        {
            return CfpbResponseType.UntimelyResponse;
        }

        if ((c.FinalResponseAt <= now ? c.FinalResponseAt : null) is not { } final)
        {
            return firstResponse is null ? null : now > c.FinalResponseDue ? CfpbResponseType.UntimelyResponse : CfpbResponseType.InProgress;
        }

        return final > c.FinalResponseDue ? CfpbResponseType.UntimelyResponse
            : c.PaidCurrency is not null ? CfpbResponseType.ClosedWithMonetaryRelief
            : c.RemedialAction ? CfpbResponseType.ClosedWithNonMonetaryRelief
            : CfpbResponseType.ClosedWithExplanation;
    }

    private async ValueTask<IReportQueries> QueriesAsync(CancellationToken cancellationToken) =>
        _tables ?? await MemoryReportQueries.FromHistoriesAsync(store, _calendar, _ends, cancellationToken).ConfigureAwait(false);

    private static DurationSummary Summary(Durations d) => new(
        d.Count,
        Span(d.MedianBusiness),
        Span(d.P90Business),
        d.Count == 0 ? null : TimeSpan.FromSeconds((double)d.SumBusiness / d.Count),
        Span(d.MedianCalendar),
        Span(d.P90Calendar),
        d.Count == 0 ? null : TimeSpan.FromSeconds((double)d.SumCalendar / d.Count));

    private static TimeSpan? Span(long? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static ImmutableArray<RankedCount> Top(IReadOnlyList<TrendCount> trend, int top) =>
        [.. trend.Where(t => t.Key.Length > 0).GroupBy(t => t.Key).Select(g => new RankedCount(g.Key, g.Sum(t => t.Count)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Take(top)];

    private static ImmutableArray<TrendPoint> Trend(IReportQueries queries, IReadOnlyList<TrendCount> trend) =>
        [.. trend.Where(t => t.Key.Length > 0).Select(t => new TrendPoint(Stored(queries, "a week or month", t.Bucket.Length == 7 ? t.Bucket + "-01" : t.Bucket, Date), t.Key, t.Count))
            .OrderBy(t => t.Bucket).ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value read back from the report rows. The library writes each in one form; another (a row edited by hand, or
    /// damaged) is the store's data at fault, not the caller's request, and rebuilding the rows from the histories mends it.
    /// </summary>
    private static T Stored<T>(IReportQueries queries, string what, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new ComplaintStoreException(queries.StoreName, $"a report row holds {what} '{text}', which this library does not write; rebuild the report rows (IComplaintReports.RebuildAsync).", isTransient: false, e);
        }
    }
}
