using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Turns the errors ComplaintFlow throws into problem details; anything else is left to the app. A server fault is
/// logged with its exception (<see cref="ComplaintProblems.For"/>), as its problem details leave the message out.
/// </summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ComplaintFlowException exception) when (ComplaintProblems.For(exception, Versions.IsConditional(context.HttpContext.Request), context.HttpContext) is { } problem)
        {
            return problem;
        }
    }
}
