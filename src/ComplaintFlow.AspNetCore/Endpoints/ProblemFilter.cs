using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Turns the errors ComplaintFlow throws into problem details; anything else is left to the app. A server fault is
/// logged with its exception, as its problem details leave the exception's message out.
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
            if (problem is IStatusCodeHttpResult { StatusCode: >= StatusCodes.Status500InternalServerError and var status })
            {
                var http = context.HttpContext;
                var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<ProblemFilter>();
                WebLog.ServerFault(logger, exception, http.Request.Method, http.Request.Path, status, ComplaintProblems.TraceIdOf(http));
            }

            return problem;
        }
    }
}
