using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Records a communication sent to the customer: a summary resolution, a final response on an agreed case, a delay
/// letter, an IDR response or delay notification, a CFPB response. The library does not write letters: build yours
/// from <see cref="IComplaintDesk.GetLetterAsync"/> and record here that it was sent. Acknowledgements and progress
/// updates are recorded by <see cref="AcknowledgeComplaint"/> and <see cref="RecordCustomerUpdate"/>.
/// </summary>
public sealed record RecordCommunication : ComplaintCommand
{
    /// <summary>What was sent.</summary>
    public required CommunicationKind? Kind { get; init; }

    /// <summary>How it was sent.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The app's reference to the letter.</summary>
    public string? Reference { get; init; }

    /// <summary>When it was sent, when not now; not in the future, not before the complaint was received, and for a final answer not before its outcome was decided.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordCommunication;

    private protected override void ValidateFields()
    {
        if (Kind is not { } kind)
        {
            throw new ComplaintValidationException(nameof(Kind), "is required.");
        }

        Require.Defined(kind, nameof(Kind));
        if (kind is CommunicationKind.Acknowledgement or CommunicationKind.ProgressUpdate)
        {
            throw new ComplaintValidationException(nameof(Kind), $"{kind} is recorded by {(kind == CommunicationKind.Acknowledgement ? "acknowledge" : "record-customer-update")}, which also moves the clocks.");
        }

        Require.Defined(Channel, nameof(Channel));
        Require.OptionalText(Reference, nameof(Reference), Require.IdLength);
    }

    /// <summary>
    /// The kinds refused whatever the case: those recorded by their own commands (checked in the fields) and a final
    /// answer of another regime than the configured one (checked by the case's end rules).
    /// </summary>
    internal static bool AlwaysRefused(CommunicationKind kind, CaseEndRules ends) =>
        kind is CommunicationKind.Acknowledgement or CommunicationKind.ProgressUpdate || (CaseEndRules.IsFinalAnswer(kind) && kind != ends.FinalAnswer);

    internal override bool NarrowInputSchema(System.Text.Json.Nodes.JsonObject schema, CaseEndRules ends)
    {
        if (schema["properties"]?["kind"]?["enum"] is not System.Text.Json.Nodes.JsonArray kinds)
        {
            return false;
        }

        var refused = kinds.Where(k => k?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && Enum.TryParse<CommunicationKind>(k.GetValue<string>(), out var kind) && AlwaysRefused(kind, ends)).ToList();
        foreach (var value in refused)
        {
            kinds.Remove(value);
        }

        return refused.Count > 0;
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        var sentAt = SentAt ?? context.Now;
        if (sentAt > context.Now || sentAt < context.Case.ReceivedAt)
        {
            throw new ComplaintValidationException(nameof(SentAt), $"is {sentAt:O}; it must lie between the complaint's receipt ({context.Case.ReceivedAt:O}) and now ({context.Now:O}).");
        }

        if (context.Ends.RefusalToSend(context.Case, Kind!.Value, sentAt) is { } refused)
        {
            throw new ComplaintValidationException(nameof(Kind), refused);
        }

        // A final answer tells the outcome, so it cannot have been sent before the outcome was decided: backdated past it,
        // it would also date the answer before a reopening, or inside a deadline it missed.
        if (CaseEndRules.IsFinalAnswer(Kind.Value) && context.Case.Outcome is { DecidedAt: var decided } && sentAt < decided)
        {
            throw new ComplaintValidationException(nameof(SentAt), $"is {sentAt:O}, before the outcome it states was decided ({decided:O}).");
        }

        // Without an agreement the final answer is the firm's own word, offer and all: issue-final-response records it with
        // its offer and resolves the case for the clocks, which recording the letter alone would not.
        if (CaseEndRules.IsFinalAnswer(Kind.Value) && context.Case.AcceptedProposal is null)
        {
            throw new ComplaintValidationException(nameof(Kind), $"case {context.Case.Id} has no accepted proposal; send a final answer without the customer's agreement with issue-final-response, which records what it offers.");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        var communication = new CustomerCommunication(Kind!.Value, Channel, SentAt ?? context.Now, Actor, Reference, context.Case.ReopenCount);
        context.Draft.Communications = context.Case.Communications.Add(communication);
        return new(new CommunicationRecorded(communication));
    }
}
