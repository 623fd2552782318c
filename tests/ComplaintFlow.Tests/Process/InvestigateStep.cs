using ComplaintFlow.Steps;

namespace ComplaintFlow.Tests.Process;

/// <summary>An integrator's step: look into what happened before proposing anything.</summary>
internal sealed class InvestigateStep() : ComplaintStep<Findings>(
    "investigate",
    "complete-investigation",
    new StepGuidance("Investigate", "Find out what really happened before offering a remedy.", ["Check the courier's tracking log."], ["PR-03"]))
{
    protected override StepCheck Check(ComplaintCase complaint, Actor actor, Findings input) =>
        string.IsNullOrWhiteSpace(input.RootCause) ? StepCheck.Invalid(nameof(Findings.RootCause), "must say what caused the problem.") : StepCheck.Pass;

    protected override StepRecordContent Record(Findings input) =>
        new($"Root cause: {input.RootCause}", new Dictionary<string, string> { ["rootCause"] = input.RootCause, ["courierAtFault"] = input.CourierAtFault ? "yes" : "no" });
}

internal sealed record Findings(string RootCause, bool CourierAtFault);
