using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Every ComplaintFlow error as RFC 9457 problem details: a status code, a stable <c>type</c> URN, a title, the
/// exception's message as the detail (for a server fault, a sentence with the trace id instead), and the members a
/// client acts on. docs/web.md lists them.
/// </summary>
internal static class ComplaintProblems
{
    /// <summary>How long a client should wait before retrying a transient store failure.</summary>
    public const int RetryAfterSeconds = 5;

    public const string TypePrefix = "urn:complaintflow:problem:";

    public static IResult Unauthenticated() =>
        Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Nobody is signed in", "The request has no signed-in user to act as.", []);

    public static IResult AdminNotConfigured() =>
        Problem(StatusCodes.Status403Forbidden, "admin-not-configured", "No one may use the admin endpoints yet",
            "The app has not named an admin policy (ComplaintFlowWebOptions.AdminPolicy), so the outbox's admin endpoints refuse everyone: parked events may quote customer data.", []);

    public static IResult BadHeader(string header, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "validation", "The request is not valid", detail, [("field", header)]);

    /// <summary>The problem for an exception, or null when it is not ComplaintFlow's to describe; a server fault is logged here, with its exception.</summary>
    public static IResult? For(Exception exception, bool ifMatchGiven, HttpContext context)
    {
        if (Describe(exception, ifMatchGiven) is not { } problem)
        {
            return null;
        }

        if (problem.RetryAfter)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            // A server fault's own message can name files, hosts, database users or an app's internals: it goes to the
            // log, and the client gets what failed and the trace id to find it there.
            var traceId = TraceIdOf(context);
            var logger = (context.RequestServices?.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<ProblemFilter>();
            WebLog.ServerFault(logger, exception, context.Request.Method, context.Request.Path, problem.Status, traceId);
            return Problem(problem.Status, problem.Type, problem.Title, $"The server could not complete the request: {problem.Title.ToLowerInvariant()}. Its log has the details under trace id {traceId}.", [.. problem.Members, ("traceId", traceId)]);
        }

        return Problem(problem.Status, problem.Type, problem.Title, exception.Message, problem.Members);
    }

    /// <summary>The request's trace id as ASP.NET Core's own problem details give it: the activity's, else the request's.</summary>
    public static string TraceIdOf(HttpContext context) => System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;

    /// <summary>The status, type, title and members of an exception's problem: one table for the API and the dashboard.</summary>
    public static ProblemDescription? Describe(Exception exception, bool ifMatchGiven) => exception switch
    {
        UnsupportedBodyException e => new(415, "unsupported-media-type", "The body must be JSON", [("contentType", e.ContentType)]),
        ActorUnusableException e => new(403, "actor-unusable", "The signed-in user cannot act on complaints", [("field", e.Field), ("reason", e.Reason)]),
        ComplaintValidationException e => new(400, "validation", "The request is not valid", [("field", WireField.Of(e.Field)), ("reason", e.Reason)]),
        ComplaintNotFoundException e => new(404, "not-found", "No such complaint", [("caseId", e.CaseId.ToString())]),
        ComplaintAuthorizationException e => new(403, "not-authorized", "The actor may not do this", [("action", e.Action), ("actorId", e.ActorId), ("missingAuthority", e.MissingAuthority)]),
        ActionNotPermittedException e => new(409, "action-not-permitted", "The action is not permitted now",
            [("caseId", e.CaseId.ToString()), ("action", e.Action), ("step", e.Step), ("permittedActions", e.PermittedActions), ("unmetRequirements", e.UnmetRequirements)]),
        ComplaintConcurrencyException e => new(ifMatchGiven ? 412 : 409, "version-conflict", "The complaint has changed",
            [("caseId", e.CaseId.ToString()), ("expectedVersion", e.ExpectedVersion), ("actualVersion", e.ActualVersion)]),
        IdempotencyKeyReusedException e => new(422, "idempotency-key-reused", "The idempotency key was used for another request",
            [("idempotencyKey", e.IdempotencyKey), ("firstCaseId", e.FirstCaseId.ToString())]),
        Storage.IdempotencyKeyConflictException e => new(409, "idempotency-key-conflict", "The idempotency key is being used by another request", [("idempotencyKey", e.IdempotencyKey)]),
        RemedyNotFeasibleException e => new(422, "remedy-not-feasible", "The remedy cannot be done", [("caseId", e.CaseId.ToString()), ("reason", e.Reason)]),
        EscalationPolicyFailedException e => new(500, "escalation-policy-failed", "An escalation policy failed", [("caseId", e.CaseId.ToString()), ("policy", e.Policy)]),
        ComplaintDataException e => new(500, "damaged-data", "Stored data cannot be read", [("caseId", e.CaseId?.ToString())]),
        ComplaintStoreException { IsTransient: true } e => new(503, "store-unavailable", "The store is unavailable", [("store", e.Store)], RetryAfter: true),
        ComplaintStoreException e => new(500, "store-failed", "The store failed", [("store", e.Store)]),
        ComplaintProcessDefinitionException => new(500, "process-definition", "The complaint process is misconfigured", []),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string type, string title, string detail, (string Name, object? Value)[] members) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypePrefix + type,
            extensions: members.Where(m => m.Value is not null).ToDictionary(m => m.Name, m => m.Value));
}
