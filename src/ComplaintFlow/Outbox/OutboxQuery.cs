namespace ComplaintFlow.Outbox;

/// <summary>Which outbox entries to list, in case and sequence order.</summary>
public sealed record OutboxQuery
{
    /// <summary>Only parked entries. Default: <see langword="false"/> (every waiting entry).</summary>
    public bool ParkedOnly { get; init; }

    /// <summary>Only this case's entries, when set.</summary>
    public ComplaintId? CaseId { get; init; }

    /// <summary>The most entries to return, 1 to 1,000. Default: 100.</summary>
    public int Limit { get; init; } = 100;
}
