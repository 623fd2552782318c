using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Finds the actor of every request to the endpoints and the dashboard, once, before the handler runs: no actor is
/// 401, and the handler reads the actor with <see cref="ActorOf"/>.
/// </summary>
internal sealed class SignedInFilter(IComplaintActorAccessor actors) : IEndpointFilter
{
    private static readonly object Key = new();

    public static Actor ActorOf(HttpContext http) =>
        http.Items[Key] as Actor ?? throw new InvalidOperationException("The endpoint runs without SignedInFilter, so it has no actor.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await actors.GetActorAsync(context.HttpContext, context.HttpContext.RequestAborted) is not { } actor)
        {
            return ComplaintProblems.Unauthenticated();
        }

        context.HttpContext.Items[Key] = actor;
        return await next(context);
    }
}
