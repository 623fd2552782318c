using ComplaintFlow.Outcomes;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>The outcome members <see cref="RecordOutcome"/> and <see cref="IssueFinalResponse"/> share, checked one way.</summary>
internal static class OutcomeFields
{
    public static void Validate(ComplaintOutcome? decision, bool redressWithoutAcceptance, string reasons, string? product, string? rootCause)
    {
        if (decision is not { } given)
        {
            throw new ComplaintValidationException("Decision", "is required: upheld, partly upheld or not upheld.");
        }

        Require.Defined(given, "Decision");
        if (redressWithoutAcceptance && given != ComplaintOutcome.NotUpheld)
        {
            throw new ComplaintValidationException(nameof(RecordOutcome.RedressWithoutAcceptance), $"offers redress without accepting the complaint, so the decision is NotUpheld, not {given}.");
        }

        Require.Text(reasons, "Reasons", Require.TextLength);
        Require.OptionalText(product, "Product", Require.IdLength);
        Require.OptionalText(rootCause, "RootCause", Require.IdLength);
    }

    /// <summary>The outcome as it will be stored, its codes checked against the taxonomies.</summary>
    public static CaseOutcome Resolve(in CommandContext context, ComplaintOutcome decision, bool redressWithoutAcceptance, string reasons, string? product, string? rootCause, Actor actor) =>
        new(decision, redressWithoutAcceptance, reasons, context.Ends.ProductFor(context.Case, product, "Product"), context.Ends.RootCauseFor(rootCause, "RootCause"), actor, context.Now);
}
