namespace ComplaintFlow.Reports;

/// <summary>
/// One reportable thing that happened to a case, derived from its events: kept as a row beside the case in the same
/// transaction (SQL stores) or derived from the history when asked (the in-memory store). See <see cref="ReportFacts"/>
/// for the kinds and what their columns hold.
/// </summary>
internal sealed record ReportFact(ComplaintId CaseId, long Sequence, string Kind, long At, string Key = "", bool Flag = false, long? Value = null, long? BusinessSeconds = null, long? CalendarSeconds = null, string? Currency = null, long? MinorUnits = null);
