using System.Globalization;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The report rows of <see cref="ClaimDueDatabase"/>'s million cases: for each case the row, facts and open spells a
/// save would have written, as if the case had lived a full life (acknowledged, resolved, closed with an outcome,
/// followed up, sometimes escalated, reopened or paid redress). Cases received in the last 30 days before
/// <see cref="ClaimDueDatabase.Now"/> and one in fifty older ones are still open.
/// </summary>
/// <remarks>
/// The report tables are what the reports read; the claim benchmark reads the case rows, which stay open and due, so
/// the two sets of rows do not agree about which cases are closed. Neither benchmark reads the other's rows.
/// </remarks>
internal static class ReportRows
{
    public static readonly string[] CaseColumns =
    [
        "case_id", "customer_ref", "received_at", "received_date", "received_week", "received_month", "channel", "team", "tier", "product", "product_group",
        "root_cause", "cause_group", "decision", "status", "closed_at", "closed_date", "paid_minor", "paid_currency", "remedial", "categories",
    ];

    public static readonly string[] FactColumns =
        ["report_id", "sequence", "ordinal", "kind", "at", "key", "flag", "value", "business_seconds", "calendar_seconds", "currency", "minor_units"];

    public static readonly string[] SpellColumns = ["report_id", "number", "opened_at", "ended_at"];

    public static readonly string[] CategoryColumns = ["case_id", "category"];

    private static readonly (string Product, string Group)[] Products =
    [
        ("current-account", "banking"), ("credit-card", "banking"), ("mortgage", "home-finance"), ("car-insurance", "insurance"),
        ("home-insurance", "insurance"), ("pension", "pensions"),
    ];

    private static readonly (string Cause, string Group)[] Causes =
    [
        ("fees", "charges"), ("interest", "charges"), ("delay", "service"), ("rudeness", "service"), ("wrong-advice", "advice"),
        ("fraud", "fraud-and-scams"), ("outage", "service"), ("terms", "terms-and-disputes"),
    ];

    private static readonly string[] Decisions = ["Upheld", "PartlyUpheld", "NotUpheld"];

    private static readonly string[] Categories = ["billing", "service", "product", "fraud", "access"];

    /// <summary>
    /// Writes the rows of the <paramref name="i"/>-th case, received <paramref name="i"/> minutes before
    /// <paramref name="now"/>; its report row key is <paramref name="i"/> + 1, the cases being written in order.
    /// </summary>
    public static void Add(int i, Guid id, DateTimeOffset now, Random random, IReportRowSink sink)
    {
        var received = now.AddMinutes(-i);
        var local = DateOnly.FromDateTime(received.UtcDateTime);
        var (product, productGroup) = Products[i % Products.Length];
        var (cause, causeGroup) = Causes[(i / 7) % Causes.Length];
        var open = received > now.AddDays(-30) || i % 50 == 0;
        var escalated = i % 10 == 3;
        var reopened = !open && i % 33 == 5;
        var paid = !open && i % 5 < 2 ? random.Next(500, 50_000) : 0;
        var closedAt = received.AddMinutes(random.Next(60, 70 * 24 * 60));
        var decision = open ? null : Decisions[i % Decisions.Length];
        var sequence = 0L;

        void Fact(string kind, DateTimeOffset at, string key = "", bool flag = false, long? value = null, DateTimeOffset? measuredAt = null, string? currency = null, long? minor = null)
        {
            // Business time roughly a third of calendar time, as with an eight-hour working day.
            long? seconds = measuredAt is null ? null : (long)(measuredAt.Value - received).TotalSeconds;
            sink.Fact([(long)i + 1, ++sequence, 0, kind, at.UtcTicks, key, flag ? 1 : 0, value, seconds / 3, seconds, currency, minor]);
        }

        void Spell(int number, DateTimeOffset opened, DateTimeOffset? ended)
        {
            sink.Spell([(long)i + 1, number, opened.UtcTicks, ended?.UtcTicks]);
        }

        Fact("received", received);
        var acknowledged = received.AddMinutes(random.Next(10, 3 * 24 * 60));
        Fact("acknowledged", acknowledged, measuredAt: acknowledged);
        Fact(acknowledged - received < TimeSpan.FromDays(2) ? "clock-met" : "clock-missed", acknowledged, "acknowledge");
        if (escalated)
        {
            Fact("escalated", acknowledged.AddHours(1), "repeated-rejections");
        }

        if (open)
        {
            Spell(0, received, null);
        }
        else
        {
            var resolved = closedAt.AddHours(-1);
            Fact("resolved", resolved, measuredAt: resolved);
            if (paid > 0)
            {
                Fact("redress", resolved, i % 3 == 0 ? "Goodwill" : "RefundOfLoss", currency: "GBP", minor: paid);
            }

            Fact(closedAt - received <= TimeSpan.FromDays(56) ? "clock-met" : "clock-missed", closedAt, "final-response");
            var bucket = closedAt - received <= TimeSpan.FromDays(3) ? 1 : closedAt - received < TimeSpan.FromDays(56) ? 2 : 3;
            if (reopened)
            {
                var reopenedAt = received.AddMinutes((closedAt - received).TotalMinutes / 2);
                Fact("reopened", reopenedAt);
                Spell(0, received, reopenedAt);
                Spell(1, reopenedAt, closedAt);
            }
            else
            {
                Spell(0, received, closedAt);
            }

            Fact("closed", closedAt, decision!, flag: !escalated && !reopened, value: bucket);
            var csat = 1 + (i % 5);
            Fact("follow-up", closedAt.AddMinutes(30), csat.ToString(CultureInfo.InvariantCulture), flag: csat >= 4);
        }

        var categoryName = Categories[i % Categories.Length];
        sink.Case(
        [
            id, $"cust-{i % 200_000}", received.UtcTicks, local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.AddDays(-(((int)local.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            i % 4, $"team-{i % 5}", escalated ? "supervisor" : "agent", open ? null : product, open ? null : productGroup, open ? null : cause, open ? null : causeGroup,
            decision, open ? "open" : "closed", open ? null : closedAt.UtcTicks, open ? null : closedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (long)paid, paid > 0 ? "GBP" : null, 0, categoryName,
        ]);
        sink.Category([id, categoryName]);
    }
}
