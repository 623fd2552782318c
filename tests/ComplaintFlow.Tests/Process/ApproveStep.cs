using ComplaintFlow.Steps;

namespace ComplaintFlow.Tests.Process;

/// <summary>An integrator's step: a manager signs off the agreed remedy before it is carried out.</summary>
internal sealed class ApproveStep() : ComplaintStep<Approval>(
    "approve",
    "approve-remedy",
    new StepGuidance("Manager approval", "A manager confirms the agreed remedy before it is carried out.", ["Check the remedy against policy."], ["PR-10"]))
{
    protected override StepCheck CheckReady(ComplaintCase complaint, Actor actor) =>
        actor.Tier is "manager" or "specialist-team" ? StepCheck.Pass : StepCheck.Unauthorized("only a manager may approve a remedy.");

    protected override StepRecordContent Record(Approval input) =>
        new("Remedy approved", new Dictionary<string, string> { ["comment"] = input.Comment });
}

internal sealed record Approval(string Comment);
