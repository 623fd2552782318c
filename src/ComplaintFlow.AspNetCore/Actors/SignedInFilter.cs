using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Finds the actor of every request to the endpoints and the dashboard, once, before the handler runs: no actor is
/// 401. A handler that acts, or asks what the actor may do, reads the actor with <see cref="ActorOf"/>, which holds it
/// to the desk's rules first: an actor the desk could not accept (no tier and no role, a name too long) is 403 saying
/// which member to map. Reading a case, its history or a report needs no more than being signed in.
/// </summary>
internal sealed class SignedInFilter(IComplaintActorAccessor actors) : IEndpointFilter
{
    private static readonly object Key = new();
    private static readonly object Checked = new();

    public static Actor ActorOf(HttpContext http)
    {
        var actor = http.Items[Key] as Actor ?? throw new InvalidOperationException("The endpoint runs without SignedInFilter, so it has no actor.");
        if (http.Items.ContainsKey(Checked))
        {
            return actor;
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
            throw new ActorUnusableException(unusable.Field, unusable.Reason);
        }

        http.Items[Checked] = true;
        return actor;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await actors.GetActorAsync(http, http.RequestAborted) is not { } actor)
        {
            return ComplaintProblems.Unauthenticated();
        }

        http.Items[Key] = actor;
        return await next(context);
    }
}
