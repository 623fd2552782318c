using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Telemetry;

/// <summary>ComplaintFlow's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Event handler {Handler} failed on event {Sequence} ({EventType}) of case {CaseId} (attempt {Attempts}); the change is saved and delivery is retried at {NextAttemptAt}.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, ComplaintId caseId, long sequence, string eventType, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Command {Action} on case {CaseId} lost a version race (expected {Expected}, found {Actual}).")]
    public static partial void Conflict(ILogger logger, string action, ComplaintId caseId, long expected, long actual);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Command {Action} with idempotency key {Key} was a repeat; returned the earlier result for case {CaseId}.")]
    public static partial void Replayed(ILogger logger, string action, string key, ComplaintId caseId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Case {CaseId} escalates to tier {Tier} (team {Team}) for {Cause}, asked by policy {Policy}.")]
    public static partial void Escalated(ILogger logger, ComplaintId caseId, string tier, string? team, string cause, string policy);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Clock {Clock} of case {CaseId} breached its deadline {DueAt} (regulatory: {Regulatory}).")]
    public static partial void ClockBreached(ILogger logger, ComplaintId caseId, string clock, DateTimeOffset dueAt, bool regulatory);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "The deadline worker could not record due clocks on case {CaseId}.")]
    public static partial void DeadlineFailed(ILogger logger, Exception exception, ComplaintId caseId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Event {Sequence} of case {CaseId} is parked after {Attempts} failed deliveries (last by {Handler}); the case's later events wait until it is re-driven.")]
    public static partial void OutboxParked(ILogger logger, Exception exception, string handler, ComplaintId caseId, long sequence, int attempts);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Re-drove {Count} parked event(s) of case {CaseId}.")]
    public static partial void OutboxRedriven(ILogger logger, ComplaintId caseId, int count);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Case {CaseId} is saved, but delivering its events right after the command failed; the outbox worker will deliver them.")]
    public static partial void DispatchAfterCommandFailed(ILogger logger, Exception exception, ComplaintId caseId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Worker {Worker} failed a poll ({Failures} in a row); it backs off and polls again at {NextPollAt}.")]
    public static partial void WorkerPollFailed(ILogger logger, Exception exception, string worker, int failures, DateTimeOffset nextPollAt);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "A due case row cannot be used and its clocks are not recorded: stored id {StoredId}: {Reason}")]
    public static partial void DueRowUnreadable(ILogger logger, string storedId, string reason);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "The outbox lease of {Lease} ran out before case {CaseId} was delivered (its renewals failed, or the process stalled); its remaining events wait for the next claim.")]
    public static partial void OutboxLeaseRanOut(ILogger logger, ComplaintId caseId, TimeSpan lease);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "The stopping deadline worker could not hand back {Count} claimed case(s) it had not reached; they wait for their lease to run out.")]
    public static partial void DueReleaseFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Debug, Message = "Case {CaseId} is saved; delivering its events right after the command was cancelled by the caller, and the outbox worker will deliver them.")]
    public static partial void DispatchAfterCommandCancelled(ILogger logger, ComplaintId caseId);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Warning, Message = "An outbox dispatcher could not renew its claim (lease {Lease}); it tries again, and stops delivering if the lease runs out first.")]
    public static partial void OutboxRenewalFailed(ILogger logger, Exception exception, TimeSpan lease);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Warning, Message = "An outbox dispatcher renewed fewer claims than it holds (lease {Lease}): one ran out, and another dispatcher may have its case; this one delivers nothing more under the claim. Look for a store outage or a process that stalled for longer than the lease.")]
    public static partial void OutboxClaimTaken(ILogger logger, TimeSpan lease);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "A delivery of event {Sequence} of case {CaseId} was cancelled after some handlers had run, and the store could not record which; they will be given the event again.")]
    public static partial void OutboxProgressLost(ILogger logger, Exception exception, ComplaintId caseId, long sequence);
}
