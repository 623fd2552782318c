using Microsoft.AspNetCore.Routing;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The endpoint groups <see cref="ComplaintFlowEndpointRouteBuilderExtensions.MapComplaintFlow"/> mapped, for adding
/// conventions (rate limits, more policies, CORS…) to either.
/// </summary>
/// <param name="Cases">Opening, reading, acting on and reporting on complaints.</param>
/// <param name="Admin">The outbox's parked events and their re-drive, under <c>/admin</c>.</param>
public sealed record ComplaintFlowEndpoints(RouteGroupBuilder Cases, RouteGroupBuilder Admin);
