using ComplaintFlow.Events;
using ComplaintFlow.Process;

namespace ComplaintFlow;

/// <summary>Records that the customer confirmed the restatement; the case moves on to resolution (PR-05).</summary>
public sealed record ConfirmParaphrase : ComplaintCommand
{
    private static readonly ParaphraseConfirmed Confirmed = new();

    /// <inheritdoc />
    public override string Action => ComplaintActions.ConfirmParaphrase;

    private protected override void ValidateFields()
    {
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Paraphrase = context.Case.Paraphrase! with { Status = ParaphraseStatus.Confirmed, UpdatedAt = context.Now };
        return new(Confirmed);
    }
}
