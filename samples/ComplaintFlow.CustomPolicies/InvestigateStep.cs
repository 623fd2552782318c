using ComplaintFlow.Steps;

namespace ComplaintFlow.CustomPolicies;

/// <summary>
/// A house step between validating the complaint and seeking a resolution: find the root cause first, so the remedy
/// fixes the real problem (PR-03, PR-20). It is completed with a <see cref="CompleteStep"/> command carrying
/// <see cref="Findings"/>.
/// </summary>
public sealed class InvestigateStep() : ComplaintStep<Findings>(
    StepId,
    "complete-investigation",
    new StepGuidance(
        "Investigate",
        "Establish what really went wrong before offering anything.",
        ["Read the order, delivery and contact history.", "Ask the warehouse or supplier what happened.", "Write the root cause in one sentence."],
        ["PR-03", "PR-20"]))
{
    /// <summary>The step's id.</summary>
    public const string StepId = "investigate";

    /// <inheritdoc />
    protected override StepCheck Check(ComplaintCase complaint, Actor actor, Findings input) =>
        string.IsNullOrWhiteSpace(input.RootCause) || input.RootCause.Length < 10
            ? StepCheck.Invalid(nameof(Findings.RootCause), "must say in a sentence what caused the problem.")
            : StepCheck.Pass;

    /// <inheritdoc />
    protected override StepRecordContent Record(Findings input) =>
        new($"Root cause: {input.RootCause}", new Dictionary<string, string>
        {
            ["rootCause"] = input.RootCause,
            ["supplierAtFault"] = input.SupplierAtFault ? "yes" : "no",
        });
}
