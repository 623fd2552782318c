using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Records a follow-up attempt the customer did not answer (PR-14). After
/// <see cref="ComplaintFlowOptions.MaxUnansweredFollowUps"/> such attempts the case closes as "customer unreachable",
/// which is recorded as a waiver of the follow-up.
/// </summary>
public sealed record RecordFollowUpAttempt : ComplaintCommand
{
    /// <summary>What was tried, for example "called twice, left a voicemail".</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordFollowUpAttempt;

    internal override string TriggerFor(in TriggerContext context) =>
        context.Case.UnansweredFollowUps + 1 >= context.MaxUnansweredFollowUps ? Triggers.FollowUpUnreachable : ComplaintActions.RecordFollowUpAttempt;

    internal override bool CaseChoosesTrigger => true;

    private protected override void ValidateFields() => Require.OptionalText(Note, nameof(Note), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        var attempt = context.Case.UnansweredFollowUps + 1;
        var attempted = new FollowUpAttempted(attempt, Note);
        var draft = context.Draft;
        draft.UnansweredFollowUps = attempt;
        if (context.NextStep != StepIds.Closed)
        {
            return new(attempted);
        }

        draft.FollowUpWaiver = new FollowUpWaiver($"The customer did not answer {attempt} follow-up attempts.", Actor, context.Now);
        return new(attempted, CaseClosing.Close(context, CloseReason.CustomerUnreachable));
    }
}
