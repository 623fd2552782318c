using ComplaintFlow.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.AspNetCore;

/// <summary>Maps ComplaintFlow's HTTP endpoints.</summary>
public static class ComplaintFlowEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the complaint endpoints under <paramref name="prefix"/>: open, get, history, available actions, execute an
    /// action, clocks, guidance, query, reports, and an admin group for the outbox. Every endpoint requires
    /// authorization (<see cref="ComplaintFlowWebOptions.CasesPolicy"/>, <see cref="ComplaintFlowWebOptions.AdminPolicy"/>).
    /// Call <see cref="ComplaintFlowWebServiceCollectionExtensions.AddComplaintFlowWeb"/> and <c>AddComplaintFlow()</c>
    /// first.
    /// </summary>
    public static ComplaintFlowEndpoints MapComplaintFlow(this IEndpointRouteBuilder endpoints, string prefix = "/complaints")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<ComplaintFlowWebOptions>>()?.Value
            ?? throw new InvalidOperationException("MapComplaintFlow needs services.AddComplaintFlowWeb() first.");
        var factory = services.GetService<ComplaintCommandFactory>()
            ?? throw new InvalidOperationException("MapComplaintFlow needs services.AddComplaintFlow() first.");

        var cases = endpoints.MapGroup(prefix).WithTags("Complaints").AddEndpointFilter<ProblemFilter>().AddEndpointFilter<SignedInFilter>().AddEndpointFilter<JsonRequestFilter>();
        Authorize(cases, options.CasesPolicy);
        cases.MapPost("/", CaseEndpoints.OpenAsync).WithName("OpenComplaint").WithSummary("Open a complaint")
            .AddOpenApiOperationTransformer(OpenApiActions.RequestBodyOfOpen()).AddOpenApiOperationTransformer(OpenApiActions.CaseResponses(StatusCodes.Status201Created, "400", "401", "403", "409", "415", "422", "503")).WithDescription("The actor is the signed-in user; an Idempotency-Key header makes a retry safe.");
        cases.MapGet("/", CaseEndpoints.QueryAsync).WithName("QueryComplaints").WithSummary("Query complaints, a page at a time");
        cases.MapGet("/{id}", CaseEndpoints.GetAsync).WithName("GetComplaint").WithSummary("One complaint; its ETag is its version")
            .AddOpenApiOperationTransformer(OpenApiActions.CaseResponses(StatusCodes.Status200OK));
        cases.MapGet("/{id}/history", CaseEndpoints.HistoryAsync).WithName("GetComplaintHistory").WithSummary("Every event of a complaint, in order");
        cases.MapGet("/{id}/actions", CaseEndpoints.ActionsAsync).WithName("GetAvailableActions").WithSummary("The actions the signed-in user may take, with their input schemas");
        cases.MapGet("/{id}/clocks", CaseEndpoints.ClocksAsync).WithName("GetComplaintClocks").WithSummary("The complaint's clocks and the business time left");
        cases.MapGet("/{id}/guidance", CaseEndpoints.GuidanceAsync).WithName("GetComplaintGuidance").WithSummary("The playbook guidance of the complaint's step");

        // One endpoint per action, so the OpenAPI document describes each command's body; the route with a parameter
        // answers actions added later or misspelt with a problem that lists the real ones.
        foreach (var action in factory.Actions)
        {
            cases.MapPost("/{id}/actions/" + action, (HttpContext http, string id, IComplaintDesk desk, ComplaintCommandFactory f, CancellationToken ct) =>
                    CaseEndpoints.ExecuteAsync(http, id, action, desk, f, ct))
                .WithName("Execute-" + action).WithSummary($"Take the '{action}' action")
                .WithDescription("If-Match (the ETag of the case) makes the action conditional on the version; an Idempotency-Key header makes a retry safe.")
                .AddOpenApiOperationTransformer(OpenApiActions.RequestBodyOf(factory, action))
                .AddOpenApiOperationTransformer(OpenApiActions.CaseResponses(StatusCodes.Status200OK, "400", "401", "403", "404", "409", "412", "415", "422", "503"));
        }

        cases.MapPost("/{id}/actions/{action}", CaseEndpoints.ExecuteAsync).ExcludeFromDescription();
        if (services.GetService<IComplaintReports>() is not null)
        {
            cases.MapGet("/reports/summary", CaseEndpoints.SummaryAsync).WithName("GetReportSummary").WithSummary("The summary of a period [from, to)");
            cases.MapGet("/reports/fca-return", CaseEndpoints.FcaReturnAsync).WithName("GetFcaReturn").WithSummary("The UK FCA complaints return of a period [from, to)");
            cases.MapGet("/reports/asic-idr", CaseEndpoints.AsicIdrAsync).WithName("GetAsicIdrRows").WithSummary("The ASIC IDR data file's rows of a period [from, to)");
            cases.MapGet("/reports/cfpb", CaseEndpoints.CfpbAsync).WithName("GetCfpbSummary").WithSummary("The CFPB response summary of the cases received in [from, to)");
        }

        var admin = cases.MapGroup("/admin").WithTags("Complaints admin");
        if (options.AdminPolicy is null)
        {
            // Parked events may quote customer data and a re-drive replays deliveries: no policy means no admin, not
            // every signed-in user.
            admin.AddEndpointFilter((_, _) => ValueTask.FromResult<object?>(ComplaintProblems.AdminNotConfigured()));
        }
        else
        {
            admin.RequireAuthorization(options.AdminPolicy);
        }

        admin.MapGet("/outbox/parked", CaseEndpoints.ParkedAsync).WithName("ListParkedEvents").WithSummary("Events parked after repeated handler failures")
            .AddOpenApiOperationTransformer(OpenApiActions.Admin(post: false));
        admin.MapPost("/outbox/{id}/redrive", CaseEndpoints.RedriveAsync).WithName("RedriveParkedEvents").WithSummary("Release a case's parked events for delivery")
            .WithDescription("Send Content-Type: application/json with an empty body; every POST must declare JSON.")
            .AddOpenApiOperationTransformer(OpenApiActions.Admin(post: true));
        return new ComplaintFlowEndpoints(cases, admin);
    }

    internal static void Authorize(RouteGroupBuilder group, string? policy)
    {
        if (policy is null)
        {
            group.RequireAuthorization();
        }
        else
        {
            group.RequireAuthorization(policy);
        }
    }
}
