namespace ComplaintFlow.AspNetCore;

/// <summary>A request that changes something but is not declared JSON: answered 415, its body never read.</summary>
internal sealed class UnsupportedBodyException(string? contentType)
    : ComplaintFlowException(contentType is null
        ? "The request has no Content-Type: declare application/json, even when the body is empty."
        : $"The request body is '{contentType}'; ComplaintFlow's endpoints read application/json only.")
{
    public string? ContentType { get; } = contentType;
}
