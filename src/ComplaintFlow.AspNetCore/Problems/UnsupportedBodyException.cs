namespace ComplaintFlow.AspNetCore;

/// <summary>A request body that is not JSON: answered 415, never read.</summary>
internal sealed class UnsupportedBodyException(string? contentType)
    : ComplaintFlowException(contentType is null
        ? "The request has a body but no Content-Type: send it as application/json."
        : $"The request body is '{contentType}'; ComplaintFlow's endpoints read application/json only.")
{
    public string? ContentType { get; } = contentType;
}
