using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records what the customer would like to happen, before anything is proposed (PR-06).</summary>
public sealed record CaptureDesiredOutcome : ComplaintCommand
{
    /// <summary>The kind of remedy the customer wants.</summary>
    public required RemedyKind Kind { get; init; }

    /// <summary>The customer's own words.</summary>
    public required string Details { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.CaptureDesiredOutcome;

    private protected override void ValidateFields()
    {
        Require.Defined(Kind, nameof(Kind));
        Require.Text(Details, nameof(Details), Require.TextLength);
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.DesiredOutcome = new DesiredOutcome(Kind, Details, context.Now);
        return new(new DesiredOutcomeCaptured(Kind, Details));
    }
}
