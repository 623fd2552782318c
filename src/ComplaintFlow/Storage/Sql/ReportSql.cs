using System.Globalization;
using ComplaintFlow.Reports;

namespace ComplaintFlow.Storage.Sql;

/// <summary>
/// The SQL that keeps report rows, the same for SQLite and PostgreSQL but for the dialect's parameter prefix, table
/// prefix and case key: the statements a save runs in its transaction, and those a rebuild runs to replace a case's rows.
/// </summary>
internal static class ReportSql
{
    /// <summary>
    /// What a store's schema adds for reports. Facts and spells point at their case by a small integer key of the
    /// case's report row, not by the case id: reports join facts to cases by the hundred thousand, and integer joins
    /// and rows a third the size are what keep a year's return over a million cases within seconds.
    /// </summary>
    /// <param name="prefix">The dialect's table prefix.</param>
    /// <param name="keyType">The case id's column type (<c>TEXT</c> or <c>uuid</c>).</param>
    /// <param name="rowKey">The report row key's definition: a rowid alias or an identity column.</param>
    /// <param name="clustered">What follows a table keyed by its primary key (<c> WITHOUT ROWID</c> in SQLite).</param>
    public static string Schema(string prefix, string keyType, string rowKey, string clustered) => $"""
        CREATE TABLE {prefix}report_cases (
            report_id {rowKey},
            case_id {keyType} NOT NULL UNIQUE,
            customer_ref TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            received_date TEXT NOT NULL,
            received_week TEXT NOT NULL,
            received_month TEXT NOT NULL,
            channel INTEGER NOT NULL,
            team TEXT NULL,
            tier TEXT NOT NULL,
            product TEXT NULL,
            product_group TEXT NULL,
            root_cause TEXT NULL,
            cause_group TEXT NULL,
            decision TEXT NULL,
            status TEXT NOT NULL,
            closed_at BIGINT NULL,
            closed_date TEXT NULL,
            first_response_at BIGINT NULL,
            final_response_at BIGINT NULL,
            first_response_due BIGINT NULL,
            final_response_due BIGINT NULL,
            paid_minor BIGINT NOT NULL,
            paid_currency TEXT NULL,
            remedial INTEGER NOT NULL,
            categories TEXT NOT NULL
        );
        CREATE INDEX ix_{prefix}report_cases_received ON {prefix}report_cases (received_at);
        CREATE INDEX ix_{prefix}report_cases_customer ON {prefix}report_cases (customer_ref, received_at);
        CREATE TABLE {prefix}report_facts (
            report_id BIGINT NOT NULL,
            sequence BIGINT NOT NULL,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            at BIGINT NOT NULL,
            key TEXT NOT NULL,
            flag INTEGER NOT NULL,
            value BIGINT NULL,
            business_seconds BIGINT NULL,
            calendar_seconds BIGINT NULL,
            currency TEXT NULL,
            minor_units BIGINT NULL,
            PRIMARY KEY (report_id, sequence, ordinal)
        ){clustered};
        CREATE INDEX ix_{prefix}report_facts_kind ON {prefix}report_facts (kind, at, key, flag, value, report_id, currency, minor_units);
        CREATE TABLE {prefix}report_spells (
            report_id BIGINT NOT NULL,
            number INTEGER NOT NULL,
            opened_at BIGINT NOT NULL,
            ended_at BIGINT NULL,
            PRIMARY KEY (report_id, number)
        ){clustered};
        CREATE INDEX ix_{prefix}report_spells_ended ON {prefix}report_spells (ended_at, opened_at);
        """;

    /// <summary>The statements that write one save's report rows.</summary>
    public static List<(string Sql, (string Name, object? Value)[] Parameters)> Writes(CaseReportUpdate update, SqlDialect dialect) => Writes(update, dialect, fromWholeHistory: false);

    // A rebuild folds the case's whole history, so its row is the truth and replaces the stored one outright; a save
    // knows only the change, so it keeps the stored groups of a decision the case no longer has (see Kept).
    private static List<(string Sql, (string Name, object? Value)[] Parameters)> Writes(CaseReportUpdate update, SqlDialect dialect, bool fromWholeHistory)
    {
        string Kept(string column) => fromWholeHistory ? $"excluded.{column}" : KeptGroup(dialect.TablePrefix, column);
        var statements = new List<(string, (string, object?)[])>();
        var p = dialect.ParameterPrefix;
        var t = dialect.TablePrefix;
        var row = update.Case;
        var id = dialect.CaseKey(row.CaseId);
        statements.Add(($"""
            INSERT INTO {t}report_cases (case_id, customer_ref, received_at, received_date, received_week, received_month, channel, team, tier, product,
                product_group, root_cause, cause_group, decision, status, closed_at, closed_date, first_response_at, final_response_at, first_response_due,
                final_response_due, paid_minor, paid_currency, remedial, categories)
            VALUES ({p}id, {p}customer, {p}received, {p}rdate, {p}rweek, {p}rmonth, {p}channel, {p}team, {p}tier, {p}product, {p}pgroup, {p}cause, {p}cgroup,
                {p}decision, {p}status, {p}closed, {p}cdate, {p}first, {p}final, {p}firstdue, {p}finaldue, {p}paid, {p}currency, {p}remedial, {p}categories)
            ON CONFLICT (case_id) DO UPDATE SET customer_ref = excluded.customer_ref, received_at = excluded.received_at, received_date = excluded.received_date,
                received_week = excluded.received_week, received_month = excluded.received_month, channel = excluded.channel, team = excluded.team,
                tier = excluded.tier, product = {Kept("product")}, product_group = {Kept("product_group")}, root_cause = {Kept("root_cause")},
                cause_group = {Kept("cause_group")}, decision = excluded.decision, status = excluded.status, closed_at = excluded.closed_at,
                closed_date = excluded.closed_date, first_response_at = excluded.first_response_at, final_response_at = excluded.final_response_at,
                first_response_due = excluded.first_response_due, final_response_due = excluded.final_response_due, paid_minor = excluded.paid_minor,
                paid_currency = excluded.paid_currency, remedial = excluded.remedial, categories = excluded.categories
            """,
            [
                (p + "id", id), (p + "customer", row.CustomerRef), (p + "received", row.ReceivedAt), (p + "rdate", row.ReceivedDate), (p + "rweek", row.ReceivedWeek),
                (p + "rmonth", row.ReceivedMonth), (p + "channel", (int)row.Channel), (p + "team", row.Team), (p + "tier", row.Tier), (p + "product", row.Product),
                (p + "pgroup", row.ProductGroup), (p + "cause", row.RootCause), (p + "cgroup", row.CauseGroup), (p + "decision", row.Decision), (p + "status", row.Status),
                (p + "closed", row.ClosedAt), (p + "cdate", row.ClosedDate), (p + "first", row.FirstResponseAt), (p + "final", row.FinalResponseAt),
                (p + "firstdue", row.FirstResponseDue), (p + "finaldue", row.FinalResponseDue), (p + "paid", row.PaidMinorUnits), (p + "currency", row.PaidCurrency),
                (p + "remedial", row.RemedialAction ? 1 : 0), (p + "categories", JoinCategories(row.Categories)),
            ]));

        // A reopening takes the first-contact mark off the case's earlier closures (see ReportFacts.Fold); before this
        // save's facts, which already carry their marks.
        if (update.Facts.Any(f => f.Kind == ReportFacts.Reopened))
        {
            statements.Add(($"UPDATE {t}report_facts SET flag = 0 WHERE report_id = {RowKey(t, p)} AND kind = {p}closed AND flag = 1",
                [(p + "id", id), (p + "closed", ReportFacts.Closed)]));
        }

        // A resolution replaces the round's stored one (see ReportFacts.Resolve): the round began after the case's last
        // stored reopening. A save that reopens starts a round with nothing stored in it yet.
        if (update.Facts.Any(f => f.Kind == ReportFacts.Resolved) && !update.Facts.Any(f => f.Kind == ReportFacts.Reopened))
        {
            statements.Add(($"""
                DELETE FROM {t}report_facts WHERE report_id = {RowKey(t, p)} AND kind = {p}resolved
                    AND sequence > COALESCE((SELECT MAX(f.sequence) FROM {t}report_facts f WHERE f.report_id = {RowKey(t, p)} AND f.kind = {p}reopened), 0)
                """,
                [(p + "id", id), (p + "resolved", ReportFacts.Resolved), (p + "reopened", ReportFacts.Reopened)]));
        }

        var ordinals = new Dictionary<long, int>();
        foreach (var fact in update.Facts)
        {
            var ordinal = ordinals[fact.Sequence] = ordinals.GetValueOrDefault(fact.Sequence, -1) + 1;
            statements.Add(($"""
                INSERT INTO {t}report_facts (report_id, sequence, ordinal, kind, at, key, flag, value, business_seconds, calendar_seconds, currency, minor_units)
                VALUES ({RowKey(t, p)}, {p}sequence, {p}ordinal, {p}kind, {p}at, {p}key, {p}flag, {p}value, {p}business, {p}calendar, {p}currency, {p}minor)
                """,
                [
                    (p + "id", id), (p + "sequence", fact.Sequence), (p + "ordinal", ordinal), (p + "kind", fact.Kind), (p + "at", fact.At), (p + "key", fact.Key),
                    (p + "flag", fact.Flag ? 1 : 0), (p + "value", fact.Value), (p + "business", fact.BusinessSeconds), (p + "calendar", fact.CalendarSeconds),
                    (p + "currency", fact.Currency), (p + "minor", fact.MinorUnits),
                ]));
        }

        foreach (var spell in update.Spells)
        {
            statements.Add(spell.OpenedAt is { } opened
                ? ($"INSERT INTO {t}report_spells (report_id, number, opened_at, ended_at) VALUES ({RowKey(t, p)}, {p}number, {p}opened, {p}ended)",
                    [(p + "id", id), (p + "number", spell.Number), (p + "opened", opened), (p + "ended", spell.EndedAt)])
                : ($"UPDATE {t}report_spells SET ended_at = {p}ended WHERE report_id = {RowKey(t, p)} AND number = {p}number AND ended_at IS NULL",
                    [(p + "id", id), (p + "number", spell.Number), (p + "ended", spell.EndedAt)]));
        }

        return statements;
    }

    /// <summary>
    /// The statements that replace a case's report rows with rebuilt ones. The case's row is written first, as a save
    /// writes it first: both then lock it before its facts and spells, so a rebuild and a save of the same case take
    /// their locks in one order and wait for each other instead of deadlocking (PostgreSQL).
    /// </summary>
    public static List<(string Sql, (string Name, object? Value)[] Parameters)> Replace(ReportCaseRow row, IReadOnlyList<ReportFact> facts, IReadOnlyList<ReportSpell> spells, SqlDialect dialect)
    {
        var p = dialect.ParameterPrefix;
        var t = dialect.TablePrefix;
        var id = dialect.CaseKey(row.CaseId);
        var writes = Writes(new CaseReportUpdate(row, facts, spells), dialect, fromWholeHistory: true);
        var statements = new List<(string, (string, object?)[])>
        {
            writes[0],
            ($"DELETE FROM {t}report_facts WHERE report_id = {RowKey(t, p)}", [(p + "id", id)]),
            ($"DELETE FROM {t}report_spells WHERE report_id = {RowKey(t, p)}", [(p + "id", id)]),
        };
        statements.AddRange(writes.Skip(1));
        return statements;
    }

    /// <summary>
    /// A reporting group of the case's last decided outcome: the new value when the case has a decision now; with none
    /// (a reopening or a send-back cleared it), the one the change knew of, or else the stored one, so a past period's
    /// return keeps the groups the case was reported under (see ReportFacts.State.LastOutcome).
    /// </summary>
    private static string KeptGroup(string t, string column) =>
        $"CASE WHEN excluded.decision IS NULL THEN COALESCE(excluded.{column}, {t}report_cases.{column}) ELSE excluded.{column} END";

    /// <summary>The report row key of the case in the <c>id</c> parameter; the case's row is written first.</summary>
    private static string RowKey(string t, string p) => $"(SELECT r.report_id FROM {t}report_cases r WHERE r.case_id = {p}id)";

    /// <summary>Categories joined with a separator no category may hold (a control character, refused in text).</summary>
    public static string JoinCategories(IReadOnlyList<string> categories) => string.Join('\u001F', categories);

    public static IReadOnlyList<string> SplitCategories(string text) => text.Length == 0 ? [] : text.Split('\u001F');

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
