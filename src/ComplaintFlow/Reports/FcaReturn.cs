using System.Collections.Immutable;

namespace ComplaintFlow.Reports;

/// <summary>
/// The UK FCA complaints return for a reporting period, by product group and cause group (the groups of each case's
/// outcome; "(none)" when a case has none yet), with totals. Business days are those of the desk's calendar.
/// </summary>
public sealed record FcaReturn(ReportPeriod Period, ImmutableArray<FcaReturnRow> Rows)
{
    /// <summary>The rows added up.</summary>
    public FcaReturnRow Total => new(
        "(all)",
        "(all)",
        Rows.Sum(r => r.OutstandingAtStart),
        Rows.Sum(r => r.Opened),
        Rows.Sum(r => r.ClosedWithinThreeBusinessDays),
        Rows.Sum(r => r.ClosedWithinEightWeeks),
        Rows.Sum(r => r.ClosedAfterEightWeeks),
        Rows.Sum(r => r.Upheld),
        Rows.Sum(r => r.RedressPaid),
        Rows.Sum(r => r.GoodwillPaid));
}
