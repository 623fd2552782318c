using ComplaintFlow.Steps;

namespace ComplaintFlow.Tests.Process;

/// <summary>An integrator's step in which the case waits for the customer to send evidence (photos, receipts).</summary>
internal sealed class AwaitEvidenceStep() : ComplaintStep<Evidence>(
    Id,
    "record-evidence",
    new StepGuidance("Await evidence", "Wait for the photos or receipts the customer said they would send.", ["Tell the customer exactly what to send."], ["PR-13"]))
{
    public new const string Id = "await-evidence";

    public override StepFacts Facts { get; } = StepFacts.None.WaitingOnCustomer();

    protected override StepRecordContent Record(Evidence input) =>
        new($"Evidence received: {input.Description}", new Dictionary<string, string> { ["description"] = input.Description });
}

internal sealed record Evidence(string Description);
