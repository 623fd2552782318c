using System.Collections.Immutable;

namespace ComplaintFlow.Reports;

/// <summary>
/// One complaint in an ASIC IDR data file: every complaint received in the period or open at its start. The fields
/// the library holds, named after the data elements of ASIC's IDR data dictionary (docs/reports.md maps each); the app
/// adds the rest (demographics, representative numbers) through <see cref="IAsicIdrFields"/>.
/// </summary>
public sealed record AsicIdrRow
{
    /// <summary>The complaint's unique identifier, never reused (the case id).</summary>
    public required ComplaintId ComplaintId { get; init; }

    /// <summary>The local date the complaint was received.</summary>
    public required DateOnly DateReceived { get; init; }

    /// <summary>The local date it was closed, when it was.</summary>
    public DateOnly? DateClosed { get; init; }

    /// <summary>Calendar days from receipt to close, when closed.</summary>
    public int? DaysToClose { get; init; }

    /// <summary>Open, closed or withdrawn.</summary>
    public required string Status { get; init; }

    /// <summary>How the complaint was received.</summary>
    public required Channel ReceivedChannel { get; init; }

    /// <summary>The product code of the outcome, when recorded.</summary>
    public string? Product { get; init; }

    /// <summary>The issues: the case's categories.</summary>
    public ImmutableArray<string> Issues { get; init; } = [];

    /// <summary>The root cause found, when recorded.</summary>
    public string? RootCause { get; init; }

    /// <summary>The decision, when recorded.</summary>
    public string? Outcome { get; init; }

    /// <summary>Money paid (all kinds, goodwill included), when any was.</summary>
    public Money? MonetaryRemedy { get; init; }

    /// <summary>The app's own fields, by name.</summary>
    public ImmutableDictionary<string, string> AppFields { get; init; } = ImmutableDictionary<string, string>.Empty;
}
