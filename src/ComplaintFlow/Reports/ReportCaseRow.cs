namespace ComplaintFlow.Reports;

/// <summary>
/// A case as reports read it: what filters and groups need, kept up to date with every save. Instants are UTC ticks;
/// dates are the calendar's local dates, so weeks and months follow the business's own days.
/// </summary>
internal sealed record ReportCaseRow(
    ComplaintId CaseId,
    string CustomerRef,
    long ReceivedAt,
    string ReceivedDate,
    string ReceivedWeek,
    string ReceivedMonth,
    Channel Channel,
    string? Team,
    string Tier,
    string? Product,
    string? ProductGroup,
    string? RootCause,
    string? CauseGroup,
    string? Decision,
    string Status,
    long? ClosedAt,
    string? ClosedDate,
    long? FirstResponseAt,
    long? FinalResponseAt,
    long? FirstResponseDue,
    long? FinalResponseDue,
    long PaidMinorUnits,
    string? PaidCurrency,
    bool RemedialAction,
    IReadOnlyList<string> Categories);
