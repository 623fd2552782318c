using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Refuses (415) a request that changes something unless it declares <c>application/json</c>, with a body or without.
/// A browser sends a cross-site request without a preflight only with no Content-Type or a form's or plain text's,
/// so this is what keeps another site from acting for a user signed in with a cookie, even through an action whose
/// body may be empty.
/// </summary>
internal sealed class JsonRequestFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) && !IsJson(request.ContentType))
        {
            throw new UnsupportedBodyException(request.ContentType is { Length: > 0 } type ? type : null);
        }

        return next(context);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
