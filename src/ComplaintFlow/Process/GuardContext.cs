namespace ComplaintFlow.Process;

/// <summary>What guards may read besides the case: the command's time, the configured reopen window, the junior tier, the end rules and the follow-up attempt limit.</summary>
internal readonly record struct GuardContext(DateTimeOffset Now, TimeSpan ReopenWindow, string JuniorTier = "agent", Outcomes.CaseEndRules? Ends = null, int MaxUnansweredFollowUps = 3);
