namespace ComplaintFlow.Reports;

/// <summary>
/// Reports and regulatory returns over a period (PR-20, PR-21), computed where the data lives: in SQL over report
/// rows that each save keeps up to date (SQLite, PostgreSQL), or from the histories (the in-memory store, and stores
/// that keep no report rows). docs/reports.md defines every figure. Registered by <c>AddComplaintFlow()</c>.
/// </summary>
public interface IComplaintReports
{
    /// <summary>The summary of a period, for the cases the filter keeps.</summary>
    /// <exception cref="ComplaintValidationException">A filter is not text a case could hold (a control character, a lone surrogate, nothing visible).</exception>
    ValueTask<ComplaintSummary> GetSummaryAsync(ReportPeriod period, ReportFilter? filter = null, SummaryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The UK FCA complaints return for a reporting period.</summary>
    ValueTask<FcaReturn> GetFcaReturnAsync(ReportPeriod period, CancellationToken cancellationToken = default);

    /// <summary>The rows of an ASIC IDR data file for a reporting period, with the app's fields when it supplies them.</summary>
    ValueTask<IReadOnlyList<AsicIdrRow>> GetAsicIdrRowsAsync(ReportPeriod period, CancellationToken cancellationToken = default);

    /// <summary>The CFPB response summary of the complaints received in a period, as at <paramref name="asOf"/> (now when omitted).</summary>
    ValueTask<CfpbSummary> GetCfpbSummaryAsync(ReportPeriod period, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds the store's report rows from the cases' histories: for cases stored before the store kept them, or
    /// after changing the outcome taxonomies. Returns the number of cases rebuilt; 0 for stores that keep no rows.
    /// </summary>
    ValueTask<int> RebuildAsync(CancellationToken cancellationToken = default);
}
