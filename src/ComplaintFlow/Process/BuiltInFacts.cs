using ComplaintFlow.Steps;

namespace ComplaintFlow.Process;

/// <summary>
/// The facts the built-in steps declare, through the same <see cref="StepFacts"/> a custom step uses: the two steps that
/// wait on the customer, and the two send-backs the practices need (a correction returns to listening, PR-05; a
/// rejection returns to seeking a resolution, PR-09).
/// </summary>
internal static class BuiltInFacts
{
    public static StepFacts For(string stepId) => stepId switch
    {
        StepIds.Validate => StepFacts.None.WaitingOnCustomer()
            .SendsBackTo(StepIds.Listen, ComplaintActions.CorrectParaphrase, "the customer corrects the restatement (PR-05)"),
        StepIds.GainAgreement => StepFacts.None.WaitingOnCustomer()
            .SendsBackTo(StepIds.SeekResolution, ComplaintActions.Reject, "the customer rejects the proposal (PR-09)"),
        _ => StepFacts.None,
    };
}
