using ComplaintFlow.Process;
using ComplaintFlow.Steps;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// A step after fulfilment: a colleague checks the remedy was really carried out, and sends the case back to
/// <c>fulfil</c> when it was not.
/// </summary>
internal sealed class FulfilmentCheckStep() : ComplaintStep<FulfilmentCheck>(
    Id,
    "confirm-fulfilment",
    new StepGuidance("Fulfilment check", "A colleague confirms the remedy reached the customer.", ["Look for the payment in the ledger."], ["PR-12"]))
{
    public new const string Id = "check-fulfilment";
    public const string Redo = "redo-fulfilment";

    public override StepFacts Facts { get; } = StepFacts.None.SendsBackTo(StepIds.Fulfil, Redo, "The remedy was not carried out");

    protected override StepRecordContent Record(FulfilmentCheck input) =>
        new("Fulfilment confirmed", new Dictionary<string, string> { ["note"] = input.Note });
}

/// <summary>What the checker records.</summary>
internal sealed record FulfilmentCheck(string Note);
