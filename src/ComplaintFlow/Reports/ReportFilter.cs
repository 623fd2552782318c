namespace ComplaintFlow.Reports;

/// <summary>
/// Narrows a report to cases with a category, a product, a team, a tier or a channel; each given filter must match.
/// Filters read each case as it is now (its current team and tier, its recorded product), not as it was during the
/// period. The empty filter, <see cref="All"/>, takes every case.
/// </summary>
public sealed record ReportFilter
{
    /// <summary>Every case.</summary>
    public static ReportFilter All { get; } = new();

    /// <summary>One of the case's categories.</summary>
    public string? Category { get; init; }

    /// <summary>The product code of the case's outcome.</summary>
    public string? Product { get; init; }

    /// <summary>The case's team.</summary>
    public string? Team { get; init; }

    /// <summary>The case's tier.</summary>
    public string? Tier { get; init; }

    /// <summary>How the complaint was received.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Throws <see cref="ComplaintValidationException"/> when a filter given is not text a case could hold.</summary>
    internal void Check()
    {
        Storage.StoreQueryValidation.Filter(Category, nameof(Category));
        Storage.StoreQueryValidation.Filter(Product, nameof(Product));
        Storage.StoreQueryValidation.Filter(Team, nameof(Team));
        Storage.StoreQueryValidation.Filter(Tier, nameof(Tier));
    }
}
