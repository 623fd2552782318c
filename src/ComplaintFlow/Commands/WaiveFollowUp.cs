using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Closes a case without a follow-up, with a recorded reason. Only the tier set for this action in
/// <see cref="ComplaintFlowOptions.MinimumTierByAction"/> (a supervisor by default) and above may do it (PR-14).
/// </summary>
public sealed record WaiveFollowUp : ComplaintCommand
{
    /// <summary>Why no follow-up is needed or possible.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.WaiveFollowUp;

    private protected override void ValidateFields() => Require.Text(Reason, nameof(Reason), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.FollowUpWaiver = new FollowUpWaiver(Reason, Actor, context.Now);
        return new(new FollowUpWaived(Reason), CaseClosing.Close(context, CloseReason.FollowUpWaived));
    }
}
