using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records the customer's correction of the restatement; the case returns to listening (PR-05).</summary>
public sealed record CorrectParaphrase : ComplaintCommand
{
    /// <summary>What the customer said was wrong or missing.</summary>
    public required string Correction { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.CorrectParaphrase;

    private protected override void ValidateFields() => Require.Text(Correction, nameof(Correction), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Paraphrase = context.Case.Paraphrase! with { Status = ParaphraseStatus.Corrected, Correction = Correction, UpdatedAt = context.Now };
        return new(new ParaphraseCorrected(Correction));
    }
}
