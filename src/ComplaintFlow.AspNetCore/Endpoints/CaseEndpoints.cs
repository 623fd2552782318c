using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintFlow.Outbox;
using ComplaintFlow.Reports;
using ComplaintFlow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.AspNetCore;

/// <summary>The handlers behind <see cref="ComplaintFlowEndpointRouteBuilderExtensions.MapComplaintFlow"/>.</summary>
internal static class CaseEndpoints
{
    private const int MaxPageSize = 200;
    private static readonly string[] OpenEnvelope = ["actor", "idempotencyKey"];

    // The query's members as the query string names them.
    private static readonly Dictionary<string, string> QueryParameters = new(StringComparer.Ordinal)
    {
        [nameof(ComplaintQuery.Step)] = "step",
        [nameof(ComplaintQuery.OwnerId)] = "owner",
        [nameof(ComplaintQuery.CustomerRef)] = "customer",
        [nameof(ComplaintQuery.Category)] = "category",
    };

    public static async Task<IResult> OpenAsync(HttpContext http, IComplaintDesk desk, CancellationToken ct)
    {
        var actor = SignedInFilter.ActorOf(http);
        if (!Versions.TryReadIdempotencyKey(http.Request, out var key, out var problem))
        {
            return ComplaintProblems.BadHeader("Idempotency-Key", problem!);
        }

        var members = await BodyAsync(http, ct);
        foreach (var member in OpenEnvelope)
        {
            if (members.ContainsKey(member))
            {
                throw new ComplaintValidationException("body." + member, "must not be in the body: the actor comes from the signed-in user and the key from the Idempotency-Key header.");
            }
        }

        members["actor"] = WebJson.Node(actor);
        members["idempotencyKey"] = key;
        OpenComplaint command;
        try
        {
            command = members.Deserialize<OpenComplaint>(WebJson.Strict) ?? throw new ComplaintValidationException("body", "holds no complaint to open.");
        }
        catch (JsonException exception)
        {
            throw new ComplaintValidationException(exception.Path is { Length: > 1 } path ? "body" + path[1..] : "body", $"cannot be read as a complaint to open: {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            throw new ComplaintValidationException("body", $"cannot be read as a complaint to open: {exception.Message}");
        }

        var opened = await desk.OpenAsync(command, ct);
        http.Response.Headers.ETag = Versions.ETag(opened.Version);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{opened.Id}", WebJson.Node(opened));
    }

    public static async Task<IResult> ExecuteAsync(HttpContext http, string id, string action, IComplaintDesk desk, ComplaintCommandFactory factory, CancellationToken ct)
    {
        var actor = SignedInFilter.ActorOf(http);
        if (!Versions.TryReadIfMatch(http.Request, out var expected, out var problem))
        {
            return ComplaintProblems.BadHeader("If-Match", problem!);
        }

        if (!Versions.TryReadIdempotencyKey(http.Request, out var key, out problem))
        {
            return ComplaintProblems.BadHeader("Idempotency-Key", problem!);
        }

        var body = await BodyAsync(http, ct);
        var command = factory.Create(action, CaseId(id), actor, JsonSerializer.SerializeToElement(body, WebJson.Options), key, expected);
        var updated = await desk.ExecuteAsync(command, ct);
        http.Response.Headers.ETag = Versions.ETag(updated.Version);
        return TypedResults.Ok(WebJson.Node(updated));
    }

    public static async Task<IResult> GetAsync(HttpContext http, string id, IComplaintDesk desk, CancellationToken ct)
    {
        var complaint = await desk.GetAsync(CaseId(id), ct);
        http.Response.Headers.ETag = Versions.ETag(complaint.Version);
        return Versions.IfNoneMatchHolds(http.Request, complaint.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(WebJson.Node(complaint));
    }

    public static Task<IResult> HistoryAsync(string id, IComplaintDesk desk, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await desk.GetHistoryAsync(CaseId(id), ct)));

    public static Task<IResult> ClocksAsync(string id, IComplaintDesk desk, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await desk.GetClocksAsync(CaseId(id), ct)));

    public static Task<IResult> GuidanceAsync(string id, string? culture, IComplaintDesk desk, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await desk.GetGuidanceAsync(CaseId(id), Culture(culture), ct)));

    public static Task<IResult> ActionsAsync(HttpContext http, string id, IComplaintDesk desk, CancellationToken ct) =>
        ReadAsync(async () =>
        {
            var actions = await desk.GetAvailableActionsAsync(CaseId(id), SignedInFilter.ActorOf(http), ct);
            return new JsonArray([.. actions.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["command"] = a.Command,
                ["stepId"] = a.StepId,
                ["isAvailable"] = a.IsAvailable,
                ["refusal"] = a.Refusal,
                ["inputSchema"] = JsonNode.Parse(a.InputSchema.GetRawText()),
            })]);
        });

    public static Task<IResult> QueryAsync(HttpContext http, IComplaintDesk desk, CancellationToken ct) =>
        ReadAsync(async () =>
        {
            var page = await desk.QueryAsync(Query(http.Request.Query), ct);
            return new JsonObject
            {
                ["cases"] = WebJson.Node(page.Cases),
                ["next"] = page.Next?.ToString(),
                ["unreadable"] = WebJson.Node(page.Unreadable),
            };
        });

    public static Task<IResult> SummaryAsync(string from, string to, IServiceProvider services, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await services.GetRequiredService<IComplaintReports>().GetSummaryAsync(Period(from, to), cancellationToken: ct)));

    public static Task<IResult> FcaReturnAsync(string from, string to, IServiceProvider services, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await services.GetRequiredService<IComplaintReports>().GetFcaReturnAsync(Period(from, to), ct)));

    public static Task<IResult> AsicIdrAsync(string from, string to, IServiceProvider services, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await services.GetRequiredService<IComplaintReports>().GetAsicIdrRowsAsync(Period(from, to), ct)));

    public static Task<IResult> CfpbAsync(string from, string to, IServiceProvider services, CancellationToken ct) =>
        ReadAsync(async () => WebJson.Node(await services.GetRequiredService<IComplaintReports>().GetCfpbSummaryAsync(Period(from, to), cancellationToken: ct)));

    public static Task<IResult> ParkedAsync(IComplaintOutbox outbox, CancellationToken ct) =>
        ReadAsync(async () => new JsonArray([.. (await outbox.ListAsync(new OutboxQuery { ParkedOnly = true, Limit = MaxPageSize }, ct)).Select(e => (JsonNode)new JsonObject
        {
            ["caseId"] = e.CaseId.ToString(),
            ["sequence"] = e.Sequence,
            ["attempts"] = e.Attempts,
            ["lastError"] = e.LastError,
            ["handledBy"] = new JsonArray([.. e.HandledBy.Select(h => (JsonNode)h)]),
            ["event"] = e.Event?.Data.GetType().Name,
        })]));

    public static Task<IResult> RedriveAsync(string id, IComplaintOutbox outbox, CancellationToken ct) =>
        ReadAsync(async () => new JsonObject { ["redriven"] = await outbox.RedriveAsync(CaseId(id), ct) });

    public static ComplaintId CaseId(string id, string field = "id") =>
        ComplaintId.TryParse(id, out var caseId) ? caseId : throw new ComplaintValidationException(field, $"'{id}' is not a complaint id (a UUID).");

    /// <summary>A page of cases from the query string: step, owner, customer, category, openOnly, after, limit (1 to 200, 50 by default).</summary>
    public static ComplaintQuery Query(IQueryCollection query)
    {
        var limit = 50;
        if (query["limit"] is { Count: > 0 } text && (!int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            throw new ComplaintValidationException("limit", $"must be a whole number from 1 to {MaxPageSize}.");
        }

        var openOnly = true;
        if (query["openOnly"] is { Count: > 0 } open && !bool.TryParse(open[0], out openOnly))
        {
            throw new ComplaintValidationException("openOnly", "must be true or false.");
        }

        var built = new ComplaintQuery
        {
            Step = Text(query, "step"),
            OwnerId = Text(query, "owner"),
            CustomerRef = Text(query, "customer"),
            Category = Text(query, "category"),
            OpenOnly = openOnly,
            After = Text(query, "after") is { } after ? CaseId(after, "after") : null,
            Limit = limit,
        };

        // The desk's own check, with the refusal naming the query parameter the client wrote.
        try
        {
            StoreQueryValidation.Check(built);
        }
        catch (ComplaintValidationException refused) when (QueryParameters.TryGetValue(refused.Field, out var parameter))
        {
            throw new ComplaintValidationException(parameter, refused.Reason);
        }

        return built;
    }

    private static string? Text(IQueryCollection query, string name) => query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;

    // A read needs no more than a signed-in user; only what asks about the actor reads it (SignedInFilter.ActorOf).
    private static async Task<IResult> ReadAsync(Func<Task<JsonNode?>> read) => TypedResults.Ok(await read());

    /// <summary>
    /// The request's JSON body as an object, or an empty one when the request has none. <see cref="JsonRequestFilter"/>
    /// has already refused a request not declared <c>application/json</c>.
    /// </summary>
    private static async Task<JsonObject> BodyAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;

        // HTTP/2 and HTTP/3 bodies often come without a Content-Length: ask the server whether there can be one.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false || request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return [];
        }

        try
        {
            // A member given twice is refused: read as a node it would otherwise throw an ArgumentException later.
            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) switch
            {
                JsonObject o => o,
                null => [],
                var other => throw new ComplaintValidationException("body", $"must be a JSON object, but is {other.GetValueKind().ToString().ToLowerInvariant()}."),
            };
        }
        catch (JsonException exception)
        {
            throw new ComplaintValidationException("body", $"is not JSON: {exception.Message}");
        }
    }

    private static CultureInfo? Culture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new ComplaintValidationException("culture", $"'{name}' is not a known culture name such as en-GB.");
        }
    }

    private static ReportPeriod Period(string from, string to)
    {
        static DateTimeOffset Instant(string name, string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw new ComplaintValidationException(name, $"'{text}' is not a date or an instant such as 2026-03-01 or 2026-03-01T00:00:00Z.");
        var (start, end) = (Instant("from", from), Instant("to", to));
        return ReportPeriod.Refusal(start, end) is { } refused
            ? throw new ComplaintValidationException(refused.End, refused.Problem)
            : new ReportPeriod(start, end);
    }
}
