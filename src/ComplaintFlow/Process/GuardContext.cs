namespace ComplaintFlow.Process;

/// <summary>What guards may read besides the case: the command's time, the configured reopen window and the junior tier.</summary>
internal readonly record struct GuardContext(DateTimeOffset Now, TimeSpan ReopenWindow, string JuniorTier = "agent", Outcomes.CaseEndRules? Ends = null);
