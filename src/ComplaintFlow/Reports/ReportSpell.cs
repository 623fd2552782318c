namespace ComplaintFlow.Reports;

/// <summary>
/// A stretch during which a case was open, numbered by round: from receipt or a reopening (<see cref="OpenedAt"/>) to
/// its close or withdrawal (<see cref="EndedAt"/>). A save sends the start and the end as two changes of the same spell.
/// </summary>
internal sealed record ReportSpell(ComplaintId CaseId, int Number, long? OpenedAt, long? EndedAt);
