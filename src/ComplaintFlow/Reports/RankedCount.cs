namespace ComplaintFlow.Reports;

/// <summary>A key (a root cause, a category, an escalation cause) and how often it occurred.</summary>
public sealed record RankedCount(string Key, long Count);
