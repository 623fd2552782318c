using System.Data.Common;
using System.Text;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Reports;

namespace ComplaintFlow.Storage.Sql;

/// <summary>
/// The report aggregates in SQL over the report tables, for SQLite and PostgreSQL alike: grouping, counting, summing
/// and ranking happen in the database; only the aggregates come back. The clauses mirror
/// <see cref="MemoryReportQueries"/> one for one.
/// </summary>
internal sealed class SqlReportQueries(
    Func<CancellationToken, Task<DbConnection>> open,
    Func<Exception, Exception?> translate,
    SqlDialect dialect,
    Func<object, ComplaintId> readId,
    Func<IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)>, CancellationToken, Task> writeInTransaction) : IReportQueries
{
    private readonly string _p = dialect.ParameterPrefix;
    private readonly string _t = dialect.TablePrefix;

    public string StoreName => dialect.StoreName;

    public ValueTask<IReadOnlyList<FactCount>> CountFactsAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, Period(period));
        return ReadAsync<FactCount>(
            $"SELECT f.kind, f.key, f.flag, COUNT(*) FROM {_t}report_facts f{Cases(filter, "f")} WHERE f.at >= {_p}from AND f.at < {_p}to{where} GROUP BY f.kind, f.key, f.flag",
            parameters, r => new FactCount(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1, r.GetInt64(3)), cancellationToken);
    }

    public async ValueTask<long> CountOpenAsync(long at, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, [(_p + "at", at)]);
        return (await ReadAsync($"SELECT COUNT(*) FROM {_t}report_spells s{Cases(filter, "s")} WHERE {OpenAt("at")}{where}", parameters, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
    }

    public async ValueTask<Durations> MeasureAsync(string kind, ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        // The count and the ranks are separate statements, on connections of their own: a case leaving a team or tier
        // filter between them (escalated, reassigned), or a new one entering it, changes the set under them. When a
        // rank falls past the end, or the count read again afterwards differs, the figures are read again; the sets
        // rarely move twice.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryMeasureAsync(kind, period, filter, cancellationToken).ConfigureAwait(false) is { } measured)
            {
                return measured;
            }

            if (attempt == 3)
            {
                throw new ComplaintStoreException(dialect.StoreName, $"the cases of the '{kind}' durations kept changing while the report read them (three tries); run the report again.", isTransient: true);
            }
        }
    }

    private async ValueTask<Durations?> TryMeasureAsync(string kind, ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, [.. Period(period), (_p + "kind", kind)]);
        var from = $"FROM {_t}report_facts f{Cases(filter, "f")} WHERE f.kind = {_p}kind AND f.at >= {_p}from AND f.at < {_p}to{where}";
        async Task<(long Count, long Business, long Calendar)> TotalsAsync() =>
            (await ReadAsync($"SELECT COUNT(*), CAST(COALESCE(SUM(f.business_seconds), 0) AS BIGINT), CAST(COALESCE(SUM(f.calendar_seconds), 0) AS BIGINT) {from}", parameters, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false))[0];
        var (count, business, calendar) = await TotalsAsync().ConfigureAwait(false);
        if (count == 0)
        {
            return new Durations(0, 0, 0, null, null, null, null);
        }

        // Nearest rank: the ceil(p x n)-th smallest value, read with an offset so the database does the ordering; null
        // when the set shrank below the rank since it was counted.
        async Task<long?> RankAsync(string column, long rank) =>
            (await ReadAsync($"SELECT f.{column} {from} ORDER BY f.{column} LIMIT 1 OFFSET {_p}offset", [.. parameters, (_p + "offset", rank - 1)], r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)) is [var value] ? value : null;
        var (median, p90) = ((count + 1) / 2, ((9 * count) + 9) / 10);
        var (businessMedian, businessP90) = (await RankAsync("business_seconds", median).ConfigureAwait(false), await RankAsync("business_seconds", p90).ConfigureAwait(false));
        var (calendarMedian, calendarP90) = (await RankAsync("calendar_seconds", median).ConfigureAwait(false), await RankAsync("calendar_seconds", p90).ConfigureAwait(false));
        return businessMedian is null || businessP90 is null || calendarMedian is null || calendarP90 is null || (await TotalsAsync().ConfigureAwait(false)).Count != count
            ? null
            : new Durations(count, business, calendar, businessMedian, businessP90, calendarMedian, calendarP90);
    }

    public async ValueTask<(long Customers, long Repeat)> CountRepeatComplainantsAsync(ReportPeriod period, long since, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, [.. Period(period), (_p + "since", since)]);
        var (inner, _) = Filter(filter, [], "c2");
        var sql = $"""
            SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END), 0) AS BIGINT) FROM (
                SELECT c.customer_ref,
                    (SELECT COUNT(*) FROM {_t}report_cases c2 WHERE c2.customer_ref = c.customer_ref AND c2.received_at >= {_p}since AND c2.received_at < {_p}to{inner}) AS n
                FROM {_t}report_cases c WHERE c.received_at >= {_p}from AND c.received_at < {_p}to{where} GROUP BY c.customer_ref) customers
            """;
        return (await ReadAsync(sql, parameters, r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false))[0];
    }

    public ValueTask<IReadOnlyList<TrendCount>> CountTrendAsync(ReportPeriod period, ReportFilter filter, bool monthly, bool byCategory, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, Period(period));
        var bucket = monthly ? "c.received_month" : "c.received_week";
        var sql = byCategory
            ? $"SELECT {bucket}, k.category, COUNT(*) FROM {_t}report_cases c JOIN {_t}case_categories k ON k.case_id = c.case_id WHERE c.received_at >= {_p}from AND c.received_at < {_p}to{where} GROUP BY {bucket}, k.category"
            : $"SELECT {bucket}, COALESCE(c.root_cause, ''), COUNT(*) FROM {_t}report_cases c WHERE c.received_at >= {_p}from AND c.received_at < {_p}to{where} GROUP BY {bucket}, COALESCE(c.root_cause, '')";
        return ReadAsync(sql, parameters, r => new TrendCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    public ValueTask<IReadOnlyList<MoneySum>> SumRedressAsync(ReportPeriod period, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter, Period(period));
        return ReadAsync(
            $"SELECT f.key, f.currency, CAST(SUM(f.minor_units) AS BIGINT) FROM {_t}report_facts f{Cases(filter, "f")} WHERE f.kind = 'redress' AND f.currency IS NOT NULL AND f.at >= {_p}from AND f.at < {_p}to{where} GROUP BY f.key, f.currency",
            parameters, r => new MoneySum(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<FcaCell>> FcaReturnAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        const string Groups = "COALESCE(c.product_group, '(none)'), COALESCE(c.cause_group, '(none)')";
        var parameters = Period(period);
        // Independent aggregates, each on its own connection and thread (SQLite's async calls run synchronously): the
        // database works on them side by side. The received and closed facts are two of them, not one: together they
        // were the longest by far (510,000 facts of a million-case half-year, each joined to its case and sorted); split,
        // the return took 941-1,206 ms instead of 1,191-1,710 ms on two cores, in alternated runs on SQLite.
        var outstandingQuery = Task.Run(() => ReadAsync(
            $"SELECT {Groups}, COUNT(*) FROM {_t}report_spells s JOIN {_t}report_cases c ON c.report_id = s.report_id WHERE {OpenAt("from")} GROUP BY {Groups}",
            parameters, r => (G: (r.GetString(0), r.GetString(1)), N: r.GetInt64(2)), cancellationToken).AsTask(), cancellationToken);
        Task<IReadOnlyList<((string, string) G, string Kind, string Key, long Value, long N)>> FactsOf(string kind) => Task.Run(() => ReadAsync(
            $"SELECT {Groups}, f.kind, f.key, COALESCE(f.value, 0), COUNT(*) FROM {_t}report_facts f JOIN {_t}report_cases c ON c.report_id = f.report_id WHERE f.at >= {_p}from AND f.at < {_p}to AND f.kind = '{kind}' GROUP BY {Groups}, f.kind, f.key, COALESCE(f.value, 0)",
            parameters, r => (G: (r.GetString(0), r.GetString(1)), Kind: r.GetString(2), Key: r.GetString(3), Value: r.GetInt64(4), N: r.GetInt64(5)), cancellationToken).AsTask(), cancellationToken);
        var receivedQuery = FactsOf(ReportFacts.Received);
        var closedQuery = FactsOf(ReportFacts.Closed);
        var moneyQuery = Task.Run(() => ReadAsync(
            $"SELECT {Groups}, CASE WHEN f.key = 'Goodwill' THEN 1 ELSE 0 END, CAST(SUM(f.minor_units) AS BIGINT) FROM {_t}report_facts f JOIN {_t}report_cases c ON c.report_id = f.report_id WHERE f.at >= {_p}from AND f.at < {_p}to AND f.kind = 'redress' AND f.currency = 'GBP' GROUP BY {Groups}, CASE WHEN f.key = 'Goodwill' THEN 1 ELSE 0 END",
            parameters, r => (G: (r.GetString(0), r.GetString(1)), Goodwill: r.GetInt64(2) == 1, Minor: r.GetInt64(3)), cancellationToken).AsTask(), cancellationToken);

        await Task.WhenAll(outstandingQuery, receivedQuery, closedQuery, moneyQuery).ConfigureAwait(false);
        var (outstanding, money) = (await outstandingQuery.ConfigureAwait(false), await moneyQuery.ConfigureAwait(false));
        var facts = (await receivedQuery.ConfigureAwait(false)).Concat(await closedQuery.ConfigureAwait(false)).ToList();

        return [.. outstanding.Select(o => o.G).Concat(facts.Select(f => f.G)).Concat(money.Select(m => m.G)).Distinct().Select(g => new FcaCell(
            g.Item1,
            g.Item2,
            outstanding.Where(o => o.G == g).Sum(o => o.N),
            facts.Where(f => f.G == g && f.Kind == ReportFacts.Received).Sum(f => f.N),
            facts.Where(f => f.G == g && f.Kind == ReportFacts.Closed && f.Value == 1).Sum(f => f.N),
            facts.Where(f => f.G == g && f.Kind == ReportFacts.Closed && f.Value == 2).Sum(f => f.N),
            facts.Where(f => f.G == g && f.Kind == ReportFacts.Closed && f.Value == 3).Sum(f => f.N),
            facts.Where(f => f.G == g && f.Kind == ReportFacts.Closed && f.Key is nameof(ComplaintOutcome.Upheld) or nameof(ComplaintOutcome.PartlyUpheld)).Sum(f => f.N),
            money.Where(m => m.G == g && !m.Goodwill).Sum(m => m.Minor),
            money.Where(m => m.G == g && m.Goodwill).Sum(m => m.Minor)))];
    }

    public ValueTask<IReadOnlyList<ReportCaseRow>> CasesInScopeAsync(ReportPeriod period, CancellationToken cancellationToken) =>
        ReadAsync(
            $"""
            SELECT c.case_id, c.customer_ref, c.received_at, c.received_date, c.received_week, c.received_month, c.channel, c.team, c.tier, c.product,
                c.product_group, c.root_cause, c.cause_group, c.decision, c.status, c.closed_at, c.closed_date, c.first_response_at, c.final_response_at,
                c.first_response_due, c.final_response_due, c.paid_minor, c.paid_currency, c.remedial, c.categories
            FROM {_t}report_cases c
            WHERE (c.received_at >= {_p}from AND c.received_at < {_p}to)
                OR c.report_id IN (SELECT s.report_id FROM {_t}report_spells s WHERE {OpenAt("from")})
            """,
            Period(period), ReadCase, cancellationToken);

    public async ValueTask ReplaceAsync(ReportCaseRow row, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportSpell> spells, CancellationToken cancellationToken) =>
        await writeInTransaction(ReportSql.Replace(row, facts, spells, dialect), cancellationToken).ConfigureAwait(false);

    private ReportCaseRow ReadCase(DbDataReader r) => new(
        readId(r.GetValue(0)), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), (Channel)Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
        Text(r, 7), r.GetString(8), Text(r, 9), Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13), r.GetString(14), Long(r, 15), Text(r, 16), Long(r, 17), Long(r, 18),
        Long(r, 19), Long(r, 20), r.GetInt64(21), Text(r, 22), Convert.ToInt64(r.GetValue(23), System.Globalization.CultureInfo.InvariantCulture) == 1, ReportSql.SplitCategories(r.GetString(24)));

    /// <summary>
    /// Spell <c>s</c> is open at the instant in the parameter: opened before it, not ended before it (one ending exactly
    /// then is still open, as one opening then is not yet), as <see cref="MemoryReportQueries"/> counts it.
    /// </summary>
    private string OpenAt(string instant) => $"s.opened_at < {_p}{instant} AND (s.ended_at IS NULL OR s.ended_at >= {_p}{instant})";

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    /// <summary>The join to the case rows, which only a filter needs: a million-case report skips it when it can.</summary>
    private string Cases(ReportFilter filter, string alias) =>
        filter == ReportFilter.All ? string.Empty : $" JOIN {_t}report_cases c ON c.report_id = {alias}.report_id";

    private List<(string, object?)> Period(ReportPeriod period) => [(_p + "from", period.From.UtcTicks), (_p + "to", period.To.UtcTicks)];

    /// <summary>The filter's clauses on the case alias, each a parameter; an empty filter adds nothing.</summary>
    private (string Where, List<(string Name, object? Value)> Parameters) Filter(ReportFilter filter, List<(string, object?)> parameters, string alias = "c")
    {
        var sql = new StringBuilder();
        void Add(string column, string name, object value)
        {
            sql.Append(" AND ").Append(alias).Append('.').Append(column).Append(" = ").Append(_p).Append(name);
            parameters.Add((_p + name, value));
        }

        if (filter.Product is { } product)
        {
            Add("product", "fproduct", product);
        }

        if (filter.Team is { } team)
        {
            Add("team", "fteam", team);
        }

        if (filter.Tier is { } tier)
        {
            Add("tier", "ftier", tier);
        }

        if (filter.Channel is { } channel)
        {
            Add("channel", "fchannel", (int)channel);
        }

        if (filter.Category is { } category)
        {
            sql.Append(" AND ").Append(alias).Append(".case_id IN (SELECT k.case_id FROM ").Append(_t).Append("case_categories k WHERE k.category = ").Append(_p).Append("fcategory)");
            parameters.Add((_p + "fcategory", category));
        }

        return (sql.ToString(), parameters);
    }

    private async ValueTask<IReadOnlyList<T>> ReadAsync<T>(string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await open(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using var commandScope = command.ConfigureAwait(false);
            command.CommandText = sql;
            foreach (var (name, value) in parameters.DistinctBy(p => p.Name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (Exception exception) when (translate(exception) is { } translated)
        {
            throw translated;
        }
    }
}
