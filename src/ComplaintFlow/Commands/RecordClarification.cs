using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records a clarifying question and the customer's answer (PR-03).</summary>
public sealed record RecordClarification : ComplaintCommand
{
    /// <summary>What the agent asked.</summary>
    public required string Question { get; init; }

    /// <summary>What the customer answered.</summary>
    public required string Answer { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordClarification;

    private protected override void ValidateFields()
    {
        Require.Text(Question, nameof(Question), Require.TextLength);
        Require.Text(Answer, nameof(Answer), Require.TextLength);
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Clarifications = context.Case.Clarifications.Add(new Clarification(Question, Answer, context.Now));
        return new(new ClarificationRecorded(Question, Answer));
    }
}
