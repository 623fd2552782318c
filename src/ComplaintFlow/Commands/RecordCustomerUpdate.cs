using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records a progress update sent to the customer, and when the next one was promised (PR-13).</summary>
public sealed record RecordCustomerUpdate : ComplaintCommand
{
    /// <summary>What the customer was told.</summary>
    public required string Message { get; init; }

    /// <summary>How it was sent.</summary>
    public Channel Channel { get; init; } = Channel.Email;

    /// <summary>When the customer was promised the next update; must be in the future.</summary>
    public DateTimeOffset? NextUpdateBy { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordCustomerUpdate;

    private protected override void ValidateFields()
    {
        Require.Text(Message, nameof(Message), Require.TextLength);
        Require.Defined(Channel, nameof(Channel));
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        if (NextUpdateBy is { } next && next <= context.Now)
        {
            throw new ComplaintValidationException(nameof(NextUpdateBy), $"is {next:O}, which is not in the future (now is {context.Now:O}).");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.CustomerUpdates = context.Case.CustomerUpdates.Add(new CustomerUpdate(Message, Channel, NextUpdateBy, Actor, context.Now));
        context.Draft.Communications = context.Case.Communications.Add(new Outcomes.CustomerCommunication(Outcomes.CommunicationKind.ProgressUpdate, Channel, context.Now, Actor, null, context.Case.ReopenCount));
        return new(new CustomerUpdated(Message, Channel, NextUpdateBy));
    }
}
