using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records that the accepted remedy was carried out; the case is resolved and moves to follow-up (PR-12).</summary>
public sealed record RecordFulfilment : ComplaintCommand
{
    /// <summary>What was done.</summary>
    public required string Description { get; init; }

    /// <summary>An optional reference in another system, such as a refund id.</summary>
    public string? Reference { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordFulfilment;

    private protected override void ValidateFields()
    {
        Require.Text(Description, nameof(Description), Require.TextLength);
        Require.OptionalText(Reference, nameof(Reference), Require.IdLength);
    }

    internal override Applied Apply(in CommandContext context)
    {
        var number = context.Case.AgreedOrOffered!.Number;
        context.Draft.Fulfilment = new Fulfilment(number, Description, Reference, Actor, context.Now);
        context.Draft.UnansweredFollowUps = 0;
        return new(new FulfilmentRecorded(number, Description, Reference));
    }
}
