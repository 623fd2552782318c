using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Telemetry;

/// <summary>ComplaintFlow's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Event handler {Handler} failed on event {Sequence} ({EventType}) of case {CaseId}; the change itself is saved.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, ComplaintId caseId, long sequence, string eventType);

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
}
