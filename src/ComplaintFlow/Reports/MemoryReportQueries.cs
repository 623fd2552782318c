using ComplaintFlow.Outcomes;
using ComplaintFlow.Storage;

namespace ComplaintFlow.Reports;

/// <summary>
/// The report aggregates over rows held in memory: folded from a store's histories when it keeps no report rows. The
/// rules are those of the SQL stores' queries, clause for clause, so every store gives the same figures.
/// </summary>
internal sealed class MemoryReportQueries(IReadOnlyList<ReportCaseRow> cases, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportSpell> spells) : IReportQueries
{
    /// <summary>The rows are folded from the store's histories when asked; named for a failure to read one.</summary>
    public string StoreName => "in-memory";

    private readonly Dictionary<ComplaintId, ReportCaseRow> _byId = cases.ToDictionary(c => c.CaseId);

    public static async ValueTask<MemoryReportQueries> FromHistoriesAsync(IComplaintStore store, Time.BusinessCalendar calendar, CaseEndRules ends, CancellationToken cancellationToken)
    {
        var rows = new List<ReportCaseRow>();
        var facts = new List<ReportFact>();
        var spells = new List<ReportSpell>();
        ComplaintId? after = null;
        do
        {
            var page = await store.QueryAsync(new ComplaintQuery { OpenOnly = false, After = after, Limit = 1000 }, cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page.Cases)
            {
                var (row, caseFacts, caseSpells) = CaseReporting.FromHistory(complaint, await store.GetHistoryAsync(complaint.Id, cancellationToken).ConfigureAwait(false), calendar, ends);
                rows.Add(row);
                facts.AddRange(caseFacts);
                spells.AddRange(caseSpells);
            }

            after = page.Next;
        }
        while (after is not null);

        return new MemoryReportQueries(rows, facts, spells);
    }

    public ValueTask<IReadOnlyList<FactCount>> CountFactsAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken) =>
        Done<IReadOnlyList<FactCount>>([.. In(period, filter).GroupBy(f => (f.Kind, f.Key, f.Flag)).Select(g => new FactCount(g.Key.Kind, g.Key.Key, g.Key.Flag, g.LongCount()))]);

    public ValueTask<long> CountOpenAsync(long at, ReportFilter filter, CancellationToken cancellationToken) =>
        Done(spells.LongCount(s => Open(s, at) && Keeps(s.CaseId, filter)));

    public ValueTask<Durations> MeasureAsync(string kind, ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        var measured = In(period, filter).Where(f => f.Kind == kind).ToList();
        var business = measured.Select(f => f.BusinessSeconds ?? 0).Order().ToList();
        var calendar = measured.Select(f => f.CalendarSeconds ?? 0).Order().ToList();
        return Done(new Durations(measured.Count, business.Sum(), calendar.Sum(), Rank(business, 1, 2), Rank(business, 9, 10), Rank(calendar, 1, 2), Rank(calendar, 9, 10)));
    }

    public ValueTask<(long Customers, long Repeat)> CountRepeatComplainantsAsync(ReportPeriod period, long since, ReportFilter filter, CancellationToken cancellationToken)
    {
        var kept = cases.Where(c => Matches(c, filter)).ToList();
        var inPeriod = kept.Where(c => c.ReceivedAt >= period.From.UtcTicks && c.ReceivedAt < period.To.UtcTicks).Select(c => c.CustomerRef).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var repeat = kept.Where(c => inPeriod.Contains(c.CustomerRef) && c.ReceivedAt >= since && c.ReceivedAt < period.To.UtcTicks).GroupBy(c => c.CustomerRef, StringComparer.Ordinal).LongCount(g => g.Count() >= 2);
        return Done(((long)inPeriod.Count, repeat));
    }

    public ValueTask<IReadOnlyList<TrendCount>> CountTrendAsync(ReportPeriod period, ReportFilter filter, bool monthly, bool byCategory, CancellationToken cancellationToken)
    {
        var received = cases.Where(c => c.ReceivedAt >= period.From.UtcTicks && c.ReceivedAt < period.To.UtcTicks && Matches(c, filter));
        var keyed = byCategory
            ? received.SelectMany(c => c.Categories.Select(k => (Bucket: monthly ? c.ReceivedMonth : c.ReceivedWeek, Key: k)))
            : received.Select(c => (Bucket: monthly ? c.ReceivedMonth : c.ReceivedWeek, Key: c.RootCause ?? string.Empty));
        return Done<IReadOnlyList<TrendCount>>([.. keyed.GroupBy(k => k).Select(g => new TrendCount(g.Key.Bucket, g.Key.Key, g.LongCount()))]);
    }

    public ValueTask<IReadOnlyList<MoneySum>> SumRedressAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken) =>
        Done<IReadOnlyList<MoneySum>>([.. In(period, filter).Where(f => f.Kind == ReportFacts.Redress && f.Currency is not null).GroupBy(f => (f.Key, f.Currency!)).Select(g => new MoneySum(g.Key.Key, g.Key.Item2, g.Sum(f => f.MinorUnits ?? 0)))]);

    public ValueTask<IReadOnlyList<FcaCell>> FcaReturnAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var from = period.From.UtcTicks;
        var inPeriod = In(period, ReportFilter.All).ToList();
        var cells = cases.GroupBy(Group).Select(g =>
        {
            var ids = g.Select(c => c.CaseId).ToHashSet();
            var mine = inPeriod.Where(f => ids.Contains(f.CaseId)).ToList();
            var closed = mine.Where(f => f.Kind == ReportFacts.Closed).ToList();
            var pounds = mine.Where(f => f.Kind == ReportFacts.Redress && f.Currency == "GBP").ToList();
            return new FcaCell(
                g.Key.Product,
                g.Key.Cause,
                spells.LongCount(s => ids.Contains(s.CaseId) && Open(s, from)),
                mine.LongCount(f => f.Kind == ReportFacts.Received),
                closed.LongCount(f => f.Value == 1),
                closed.LongCount(f => f.Value == 2),
                closed.LongCount(f => f.Value == 3),
                closed.LongCount(f => f.Key is nameof(ComplaintOutcome.Upheld) or nameof(ComplaintOutcome.PartlyUpheld)),
                pounds.Where(f => f.Key != nameof(RedressKind.Goodwill)).Sum(f => f.MinorUnits ?? 0),
                pounds.Where(f => f.Key == nameof(RedressKind.Goodwill)).Sum(f => f.MinorUnits ?? 0));
        });
        return Done<IReadOnlyList<FcaCell>>([.. cells.Where(c => c.Outstanding + c.Opened + c.WithinThreeDays + c.WithinEightWeeks + c.Later + c.RedressMinor + c.GoodwillMinor > 0)]);
    }

    public ValueTask<IReadOnlyList<ReportCaseRow>> CasesInScopeAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var from = period.From.UtcTicks;
        var openAtStart = spells.Where(s => Open(s, from)).Select(s => s.CaseId).ToHashSet();
        return Done<IReadOnlyList<ReportCaseRow>>([.. cases.Where(c => (c.ReceivedAt >= from && c.ReceivedAt < period.To.UtcTicks) || openAtStart.Contains(c.CaseId))]);
    }

    public ValueTask ReplaceAsync(ReportCaseRow row, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportSpell> spells, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Rows folded from histories are not stored; there is nothing to rebuild.");

    /// <summary>The UK return's groups of a case: its outcome's product and cause groups, "(none)" when unset.</summary>
    internal static (string Product, string Cause) Group(ReportCaseRow c) => (c.ProductGroup ?? "(none)", c.CauseGroup ?? "(none)");

    /// <summary>
    /// Open at the instant: opened before it, and not ended before it. A spell that ends exactly at the instant is
    /// still open then, as one that starts there is not yet: so a period's opening stock, plus what it receives, less what
    /// it closes, is its closing stock, however the instants fall.
    /// </summary>
    private static bool Open(ReportSpell s, long at) => s.OpenedAt < at && (s.EndedAt is null || s.EndedAt >= at);

    /// <summary>The nearest-rank percentile numerator ÷ denominator of sorted values (the median is 1 ÷ 2).</summary>
    private static long? Rank(List<long> sorted, int numerator, int denominator) =>
        sorted.Count == 0 ? null : sorted[((numerator * sorted.Count) + denominator - 1) / denominator - 1];

    internal static bool Matches(ReportCaseRow c, ReportFilter filter) =>
        (filter.Category is null || c.Categories.Contains(filter.Category))
        && (filter.Product is null || c.Product == filter.Product)
        && (filter.Team is null || c.Team == filter.Team)
        && (filter.Tier is null || c.Tier == filter.Tier)
        && (filter.Channel is null || c.Channel == filter.Channel);

    private static ValueTask<T> Done<T>(T value) => ValueTask.FromResult(value);

    private IEnumerable<ReportFact> In(ReportPeriod period, ReportFilter filter) =>
        facts.Where(f => f.At >= period.From.UtcTicks && f.At < period.To.UtcTicks && Keeps(f.CaseId, filter));

    private bool Keeps(ComplaintId id, ReportFilter filter) => _byId.TryGetValue(id, out var c) && Matches(c, filter);
}
