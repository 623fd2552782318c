namespace ComplaintFlow.Storage;

/// <summary>Criteria for listing cases. Unset criteria match everything.</summary>
public sealed record ComplaintQuery
{
    /// <summary>Only cases in this step (or terminal state).</summary>
    public string? Step { get; init; }

    /// <summary>Only cases owned by this actor id.</summary>
    public string? OwnerId { get; init; }

    /// <summary>Only cases of this customer.</summary>
    public string? CustomerRef { get; init; }

    /// <summary>Only cases carrying this category.</summary>
    public string? Category { get; init; }

    /// <summary>Only cases the company received at or after this time.</summary>
    public DateTimeOffset? ReceivedSince { get; init; }

    /// <summary>When true (the default), closed and withdrawn cases are left out.</summary>
    public bool OpenOnly { get; init; } = true;

    /// <summary>Only cases with an id after this one, for paging.</summary>
    public ComplaintId? After { get; init; }

    /// <summary>The most cases to return, from 1 to 1000; 100 by default.</summary>
    public int Limit { get; init; } = 100;
}
