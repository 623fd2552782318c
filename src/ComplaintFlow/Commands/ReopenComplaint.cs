using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Reopens a closed case within <see cref="ComplaintFlowOptions.ReopenWindow"/>; it returns to listening.</summary>
public sealed record ReopenComplaint : ComplaintCommand
{
    /// <summary>Why the case is reopened.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Reopen;

    private protected override void ValidateFields() => Require.Text(Reason, nameof(Reason), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        CaseRound.StartNew(context.Draft);
        return new(new ComplaintReopened(Reason));
    }
}
