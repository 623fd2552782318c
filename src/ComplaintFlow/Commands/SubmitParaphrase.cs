using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Puts the agent's restatement of the problem to the customer; ends listening (PR-05).</summary>
public sealed record SubmitParaphrase : ComplaintCommand
{
    /// <summary>The problem and its impact, restated in the agent's words.</summary>
    public required string Text { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.SubmitParaphrase;

    private protected override void ValidateFields() => Require.Text(Text, nameof(Text), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Paraphrase = new Paraphrase(Text, ParaphraseStatus.AwaitingConfirmation, null, context.Now);
        return new(new ParaphraseSubmitted(Text));
    }
}
