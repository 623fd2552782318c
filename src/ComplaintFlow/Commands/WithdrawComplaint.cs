using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records that the customer withdrew the complaint; possible from any open step.</summary>
public sealed record WithdrawComplaint : ComplaintCommand
{
    /// <summary>Why, if the customer said.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Withdraw;

    private protected override void ValidateFields() => Require.OptionalText(Reason, nameof(Reason), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.ClosedAt = context.Now;
        return new(new ComplaintWithdrawn(Reason));
    }
}
