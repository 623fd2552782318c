using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Opens a new case. Opening is cheap and never refused for missing optional data (PR-23); only clearly bad input is.
/// </summary>
public sealed record OpenComplaint
{
    /// <summary>The app's reference for the customer.</summary>
    public required string CustomerRef { get; init; }

    /// <summary>A one-line summary of the complaint.</summary>
    public required string Summary { get; init; }

    /// <summary>Where the complaint arrived.</summary>
    public required Channel Channel { get; init; }

    /// <summary>Who is opening the case.</summary>
    public required Actor Actor { get; init; }

    /// <summary>When the company received the complaint, if earlier than now (for example a letter opened today). Cannot be in the future, nor before 2 January 1900 UTC.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The initial severity. Default: medium.</summary>
    [JsonIgnore]
    public Severity Severity { get; init; } = Severity.Medium;

    // The JSON member: as a nullable, one the JSON leaves out reads as null, which keeps the default (see
    // AcknowledgeComplaint.ThankedAndApologisedInJson).
    [JsonInclude]
    [JsonPropertyName("severity")]
    internal Severity? SeverityInJson { get => Severity; init => Severity = value ?? Severity.Medium; }

    /// <summary>Initial handling flags.</summary>
    public ComplaintFlags Flags { get; init; }

    /// <summary>Initial categories.</summary>
    public ImmutableArray<string> Categories { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>True when the company opens the case itself to warn the customer of a disappointment (PR-15).</summary>
    public bool Proactive { get; init; }

    /// <summary>
    /// The customer's language as an IETF tag such as <c>fr-FR</c>, when known; customer-facing texts are chosen in it.
    /// </summary>
    public string? CustomerLanguage { get; init; }

    /// <summary>An optional key that makes opening safe to retry: a repeat returns the same case.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The categories trimmed, without repeats, in order.</summary>
    internal ImmutableArray<string> NormalisedCategories => Require.Categories(Categories, nameof(Categories));

    internal void Validate()
    {
        Require.Text(CustomerRef, nameof(CustomerRef), Require.IdLength);
        Require.Text(Summary, nameof(Summary), Require.SummaryLength);
        Require.Defined(Channel, nameof(Channel));
        Require.Actor(Actor, nameof(Actor));
        Require.Defined(Severity, nameof(Severity));
        Require.Flags(Flags, nameof(Flags));
        Require.IdempotencyKey(IdempotencyKey);
        if (ReceivedAt is { } received && received < Require.EarliestInstant)
        {
            throw new ComplaintValidationException(nameof(ReceivedAt), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {received:O}, before {Require.EarliestInstant:yyyy-MM-dd} UTC; the clocks cannot count from there (calendars answer for dates from 1900, when time zones had standard rules, and anything earlier falls before 1900 in some zone), so give the real date of receipt."));
        }

        Require.Language(CustomerLanguage, nameof(CustomerLanguage));
        Require.Categories(Categories, nameof(Categories));
    }
}
