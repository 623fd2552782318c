using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore;

/// <summary>The web package's log messages (docs/operations.md lists every event id).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "{Method} {Path} failed with status {Status}; the response gave trace id {TraceId} and left the error's message out.")]
    public static partial void ServerFault(ILogger logger, Exception exception, string method, string path, int status, string traceId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Signed-in user {ActorId} cannot act on complaints: {Field} {Reason} Map the claim through ActorClaimOptions, or return a complete actor from the app's IComplaintActorAccessor.")]
    public static partial void ActorUnusable(ILogger logger, string actorId, string field, string reason);
}
