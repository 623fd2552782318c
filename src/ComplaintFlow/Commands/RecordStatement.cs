using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records the customer's account in their own words while listening (PR-02).</summary>
public sealed record RecordStatement : ComplaintCommand
{
    /// <summary>What the customer said.</summary>
    public required string Text { get; init; }

    /// <summary>Where the customer said it.</summary>
    [JsonIgnore]
    public Channel Channel { get; init; } = Channel.Phone;

    // The JSON member: as a nullable, one the JSON leaves out reads as null, which keeps the default (see
    // AcknowledgeComplaint.ThankedAndApologisedInJson).
    [JsonInclude]
    [JsonPropertyName("channel")]
    internal Channel? ChannelInJson { get => Channel; init => Channel = value ?? Channel.Phone; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordStatement;

    private protected override void ValidateFields()
    {
        Require.Text(Text, nameof(Text), Require.TextLength);
        Require.Defined(Channel, nameof(Channel));
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Statements = context.Case.Statements.Add(new CustomerStatement(Text, Channel, context.Now, Actor.Id));
        return new(new StatementRecorded(Text, Channel));
    }
}
