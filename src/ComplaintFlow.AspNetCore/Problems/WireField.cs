namespace ComplaintFlow.AspNetCore;

/// <summary>
/// The name a client wrote for a field the desk refused. The desk names a command's members as .NET paths
/// (<c>Owner.Tier</c>, <c>Remedies[0].Amount</c>); over HTTP they are body members (<c>body.owner.tier</c>), as the
/// JSON reader's own refusals name them, or the header or path segment that carried them.
/// </summary>
internal static class WireField
{
    public static string Of(string field)
    {
        if (field.Length == 0 || !char.IsUpper(field[0]))
        {
            // Already the client's own name: a query parameter, a header, "id", or a body path from the JSON reader.
            return field;
        }

        return field switch
        {
            "IdempotencyKey" => "Idempotency-Key",
            "ExpectedVersion" => "If-Match",
            "CaseId" => "id",
            _ => "body." + string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..])),
        };
    }
}
