using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Records the check-in after fulfilment (PR-14). A satisfied customer closes the case; an unsatisfied one reopens it
/// and the case returns to listening.
/// </summary>
public sealed record RecordFollowUp : ComplaintCommand
{
    /// <summary>Whether the customer is satisfied with the outcome.</summary>
    public required bool Satisfied { get; init; }

    /// <summary>The customer's satisfaction score from 1 (very unhappy) to 5 (very happy), if they gave one.</summary>
    public int? Csat { get; init; }

    /// <summary>What the customer said.</summary>
    public string? Comment { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordFollowUp;

    internal override string TriggerFor(in TriggerContext context) => Satisfied ? Triggers.FollowUpSatisfied : Triggers.FollowUpUnsatisfied;

    private protected override void ValidateFields()
    {
        if (Csat is < 1 or > 5)
        {
            throw new ComplaintValidationException(nameof(Csat), $"must be from 1 to 5, but is {Csat}.");
        }

        Require.OptionalText(Comment, nameof(Comment), Require.TextLength);
    }

    internal override Applied Apply(in CommandContext context)
    {
        var draft = context.Draft;
        draft.FollowUps = context.Case.FollowUps.Add(new FollowUp(Satisfied, Csat, Comment, Actor, context.Now));
        var recorded = new FollowUpRecorded(Satisfied, Csat, Comment);
        if (Satisfied)
        {
            return new(recorded, CaseClosing.Close(context, CloseReason.CustomerSatisfied));
        }

        CaseRound.StartNew(draft);
        return new(recorded, new ComplaintReopened("The follow-up found the customer not yet satisfied."));
    }
}
