using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Closes a case without a follow-up, with a recorded reason. Only <see cref="ComplaintFlowOptions.WaiveFollowUpMinimumTier"/>
/// and above may do it (PR-14).
/// </summary>
public sealed record WaiveFollowUp : ComplaintCommand
{
    /// <summary>Why no follow-up is needed or possible.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.WaiveFollowUp;

    private protected override void ValidateFields() => Require.Text(Reason, nameof(Reason), Require.TextLength);

    internal override void CheckAgainst(in CommandContext context) =>
        context.Authority.RequireTierAtLeast(Actor, Action, context.Authority.WaiveFollowUpMinimumTier);

    internal override Applied Apply(in CommandContext context) => new(
        context.Case with { FollowUpWaiver = new FollowUpWaiver(Reason, Actor, context.Now), ClosedAt = context.Now },
        new FollowUpWaived(Reason),
        new ComplaintClosed(CloseReason.FollowUpWaived));
}
