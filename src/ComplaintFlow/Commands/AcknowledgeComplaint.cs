using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Acknowledges the complaint and names the accountable owner (PR-01, PR-04).</summary>
public sealed record AcknowledgeComplaint : ComplaintCommand
{
    /// <summary>The agent who owns the case from now on and whom the customer can come back to.</summary>
    public required Actor Owner { get; init; }

    /// <summary>Whether the acknowledgement thanked the customer and apologised (PR-04). Default: true.</summary>
    [JsonIgnore]
    public bool ThankedAndApologised { get; init; } = true;

    // The JSON member. The generated reader passes the type's default for a member the JSON leaves out, which for a bool
    // would be false, "not thanked"; as a nullable it is null, and null keeps the documented default.
    [JsonInclude]
    [JsonPropertyName("thankedAndApologised")]
    internal bool? ThankedAndApologisedInJson { get => ThankedAndApologised; init => ThankedAndApologised = value ?? true; }

    /// <summary>What the customer was told, if the app wants it on record.</summary>
    public string? Message { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Acknowledge;

    private protected override void ValidateFields()
    {
        Require.Actor(Owner, nameof(Owner));
        Require.OptionalText(Message, nameof(Message), Require.TextLength);
    }

    internal override void CheckAgainst(in CommandContext context) => context.Authority.RequireOwnerTier(Owner, nameof(Owner));

    internal override Applied Apply(in CommandContext context)
    {
        var draft = context.Draft;
        draft.Owner = Owner;
        draft.AcknowledgedAt = context.Now;
        draft.ThankedAndApologised = ThankedAndApologised;
        draft.Communications = context.Case.Communications.Add(new Outcomes.CustomerCommunication(Outcomes.CommunicationKind.Acknowledgement, context.Case.Channel, context.Now, Actor, null, context.Case.ReopenCount));
        return new(new ComplaintAcknowledged(Owner, ThankedAndApologised, Message));
    }
}
