using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;

namespace ComplaintFlow;

/// <summary>
/// Records the decision on the complaint: upheld, partly upheld or not upheld, with reasons, the product and the root
/// cause (PR-09, PR-17). A later call in the same round replaces it, and the history keeps both, until the round's final
/// answer has told the customer: then the process refuses it (<see cref="ActionNotPermittedException"/>) until the case
/// is reopened. An accepted proposal is recorded as upheld unless an outcome says otherwise.
/// </summary>
public sealed record RecordOutcome : ComplaintCommand
{
    /// <summary>The decision.</summary>
    public required ComplaintOutcome? Decision { get; init; }

    /// <summary>True when redress is offered without accepting the complaint; only with <see cref="ComplaintOutcome.NotUpheld"/>.</summary>
    public bool RedressWithoutAcceptance { get; init; }

    /// <summary>Why, in words the customer can follow.</summary>
    public required string Reasons { get; init; }

    /// <summary>The product code (see <see cref="OutcomeOptions.Products"/>); when omitted, the one mapped from the case's categories.</summary>
    public string? Product { get; init; }

    /// <summary>The root-cause code (see <see cref="OutcomeOptions.RootCauses"/>).</summary>
    public string? RootCause { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordOutcome;

    private protected override void ValidateFields() => OutcomeFields.Validate(Decision, RedressWithoutAcceptance, Reasons, Product, RootCause);

    internal override void CheckAgainst(in CommandContext context)
    {
        // An outcome already told to the customer in this round's final answer is the process's refusal (a route guard).
        OutcomeFields.Resolve(context, Decision!.Value, RedressWithoutAcceptance, Reasons, Product, RootCause, Actor);
    }

    internal override Applied Apply(in CommandContext context)
    {
        var outcome = OutcomeFields.Resolve(context, Decision!.Value, RedressWithoutAcceptance, Reasons, Product, RootCause, Actor);
        context.Draft.Outcome = outcome;
        return new(new OutcomeRecorded(outcome));
    }
}
