namespace ComplaintFlow.Reports;

/// <summary>
/// What one save changes in the report rows: the case's row (replaced), the facts its new events add, and the open
/// spells they start or end. Computed once by the decision pipeline for stores that keep report rows.
/// </summary>
internal sealed record CaseReportUpdate(ReportCaseRow Case, IReadOnlyList<ReportFact> Facts, IReadOnlyList<ReportSpell> Spells);
