using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Finds the actor of every request to the endpoints and the dashboard, once, before the handler runs: no actor is
/// 401, an actor the desk could not accept (no tier and no role, a name too long) is 403 saying which claim to map,
/// and the handler reads the actor with <see cref="ActorOf"/>.
/// </summary>
internal sealed class SignedInFilter(IComplaintActorAccessor actors) : IEndpointFilter
{
    private static readonly object Key = new();

    public static Actor ActorOf(HttpContext http) =>
        http.Items[Key] as Actor ?? throw new InvalidOperationException("The endpoint runs without SignedInFilter, so it has no actor.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await actors.GetActorAsync(http, http.RequestAborted) is not { } actor)
        {
            return ComplaintProblems.Unauthenticated();
        }

        try
        {
            // The desk's own rules for an actor, checked here so that an identity the app mapped incompletely is not
            // reported as the request's mistake, which the client could never fix.
            Validation.Require.Actor(actor, "actor");
        }
        catch (ComplaintValidationException unusable)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SignedInFilter>();
            WebLog.ActorUnusable(logger, actor.Id, unusable.Field, unusable.Reason);
            return ComplaintProblems.ActorUnusable(unusable);
        }

        http.Items[Key] = actor;
        return await next(context);
    }
}
