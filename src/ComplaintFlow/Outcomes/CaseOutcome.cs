namespace ComplaintFlow.Outcomes;

/// <summary>
/// The decision on a complaint, by an authorised actor, with reasons (PR-09, PR-17), and where it belongs in the firm's
/// taxonomies: the product complained about and the root cause found.
/// </summary>
/// <param name="Decision">Upheld, partly upheld or not upheld.</param>
/// <param name="RedressWithoutAcceptance">True when redress is offered without accepting the complaint (the UK rules' "offers redress without accepting"); the decision is then <see cref="ComplaintOutcome.NotUpheld"/>.</param>
/// <param name="Reasons">Why, in words the customer can follow.</param>
/// <param name="Product">The product code, from <see cref="OutcomeOptions.Products"/> when the app configures them.</param>
/// <param name="RootCause">The root-cause code, from <see cref="OutcomeOptions.RootCauses"/> when the app configures them.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
public sealed record CaseOutcome(
    ComplaintOutcome Decision,
    bool RedressWithoutAcceptance,
    string Reasons,
    string? Product,
    string? RootCause,
    Actor DecidedBy,
    DateTimeOffset DecidedAt)
{
    /// <summary>True for upheld and partly upheld: how returns count "upheld".</summary>
    public bool CountsAsUpheld => Decision is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld;
}
