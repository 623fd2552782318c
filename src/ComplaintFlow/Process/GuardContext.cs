namespace ComplaintFlow.Process;

/// <summary>What guards may read besides the case: the command's time and the configured reopen window.</summary>
internal readonly record struct GuardContext(DateTimeOffset Now, TimeSpan ReopenWindow);
