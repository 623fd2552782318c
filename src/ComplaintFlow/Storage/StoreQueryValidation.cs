namespace ComplaintFlow.Storage;

/// <summary>Checks a query's bounds and, for stores that filter in memory, whether a case matches it.</summary>
public static class StoreQueryValidation
{
    /// <summary>The largest <see cref="ComplaintQuery.Limit"/> a store accepts.</summary>
    public const int MaxLimit = 1000;

    /// <summary>
    /// Throws <see cref="ComplaintValidationException"/> when the query's limit is out of range, or a filter is not
    /// text a case could hold (a control character, a lone surrogate, nothing visible): such a filter can match no case,
    /// and a database would refuse it as its own failure (PostgreSQL rejects a NUL character).
    /// </summary>
    public static void Check(ComplaintQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ComplaintValidationException(nameof(ComplaintQuery.Limit), $"must be from 1 to {MaxLimit}, but is {query.Limit}.");
        }

        Filter(query.Step, nameof(ComplaintQuery.Step));
        Filter(query.OwnerId, nameof(ComplaintQuery.OwnerId));
        Filter(query.CustomerRef, nameof(ComplaintQuery.CustomerRef));
        Filter(query.Category, nameof(ComplaintQuery.Category));
    }

    /// <summary>Throws <see cref="ComplaintValidationException"/> when a filter given is not text a case could hold.</summary>
    internal static void Filter(string? value, string field)
    {
        if (value is not null)
        {
            Validation.TextRules.Check(value, field);
        }
    }

    /// <summary>Throws <see cref="ComplaintValidationException"/> when the outbox query's limit is out of range.</summary>
    public static void Check(Outbox.OutboxQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ComplaintValidationException(nameof(Outbox.OutboxQuery.Limit), $"must be from 1 to {MaxLimit}, but is {query.Limit}.");
        }
    }

    /// <summary>Throws when an outbox claim asks for no cases, has no token or no lease.</summary>
    public static void Check(Outbox.OutboxClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.Token, nameof(claim));
        ArgumentOutOfRangeException.ThrowIfLessThan(claim.MaxCases, 1, nameof(claim));
        CheckLease(claim.Lease, nameof(claim));
    }

    /// <summary>
    /// Throws when a claim's lease is not positive or longer than a day (the longest wait the workers accept): a lease of
    /// TimeSpan.MaxValue overflowed the claim's end instant with an error naming no argument of the caller's.
    /// </summary>
    public static void CheckLease(TimeSpan lease, string name)
    {
        if (lease <= TimeSpan.Zero || lease > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, lease, "A claim's lease must be positive and at most a day.");
        }
    }

    /// <summary>True when the case meets every criterion the query sets.</summary>
    public static bool Matches(ComplaintQuery query, ComplaintCase complaint)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(complaint);
        return (!query.OpenOnly || complaint.IsOpen)
            && (query.Step is null || complaint.Step == query.Step)
            && (query.OwnerId is null || complaint.Owner?.Id == query.OwnerId)
            && (query.CustomerRef is null || complaint.CustomerRef == query.CustomerRef)
            && (query.Category is null || complaint.Categories.Contains(query.Category))
            && (query.ReceivedSince is not { } since || complaint.ReceivedAt >= since)
            && (query.After is not { } after || complaint.Id > after);
    }
}
