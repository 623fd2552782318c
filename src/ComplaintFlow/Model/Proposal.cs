using System.Collections.Immutable;

namespace ComplaintFlow;

/// <summary>A resolution offered to the customer (PR-07, PR-08, PR-16).</summary>
/// <param name="Number">The proposal's number within its case, starting at 1.</param>
/// <param name="Remedies">What the company will do.</param>
/// <param name="Alternatives">Other remedies the customer may choose instead (PR-16).</param>
/// <param name="Explanation">Why this is offered, in words the customer understands.</param>
/// <param name="ProposedBy">Who made the offer.</param>
/// <param name="ProposedAt">When it was made.</param>
/// <param name="Status">Whether the customer has decided.</param>
public sealed record Proposal(
    int Number,
    ImmutableArray<Remedy> Remedies,
    ImmutableArray<Remedy> Alternatives,
    string Explanation,
    Actor ProposedBy,
    DateTimeOffset ProposedAt,
    ProposalStatus Status)
{
    /// <summary>What the remedies (not the alternatives) commit in one currency; 0 when none is in it.</summary>
    public decimal TotalIn(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var total = 0m;
        foreach (var remedy in Remedies.IsDefault ? [] : Remedies)
        {
            if (remedy.Amount is { } amount && amount.Currency == currency)
            {
                total += amount.Amount;
            }
        }

        return total;
    }
}
