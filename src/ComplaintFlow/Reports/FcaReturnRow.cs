namespace ComplaintFlow.Reports;

/// <summary>
/// One line of the UK FCA complaints return (DISP 1 Annex 1R) for a product group and a cause group: complaints
/// outstanding at the period's start, opened in it, closed in it by the close of the third business day after receipt,
/// after that but by the end of eight weeks, and later; those closed and upheld (partly upheld counts as upheld); and
/// the redress paid in the period in pounds, goodwill apart.
/// </summary>
public sealed record FcaReturnRow(
    string ProductGroup,
    string CauseGroup,
    long OutstandingAtStart,
    long Opened,
    long ClosedWithinThreeBusinessDays,
    long ClosedWithinEightWeeks,
    long ClosedAfterEightWeeks,
    long Upheld,
    decimal RedressPaid,
    decimal GoodwillPaid)
{
    /// <summary>All closed in the period.</summary>
    public long Closed => ClosedWithinThreeBusinessDays + ClosedWithinEightWeeks + ClosedAfterEightWeeks;
}
