using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Records the customer's rejection of the open proposal, with what they would consider fair; the case returns to
/// seeking a resolution (PR-09, PR-16).
/// </summary>
public sealed record RejectProposal : ComplaintCommand
{
    /// <summary>The number of the proposal the customer rejected; must be the open one.</summary>
    public required int ProposalNumber { get; init; }

    /// <summary>What the customer would consider fair, in their words (strongly encouraged, PR-09).</summary>
    public string? CounterSuggestion { get; init; }

    /// <summary>Where the customer said no.</summary>
    [JsonIgnore]
    public Channel Channel { get; init; } = Channel.Phone;

    // The JSON member: as a nullable, one the JSON leaves out reads as null, which keeps the default (see
    // AcknowledgeComplaint.ThankedAndApologisedInJson).
    [JsonInclude]
    [JsonPropertyName("channel")]
    internal Channel? ChannelInJson { get => Channel; init => Channel = value ?? Channel.Phone; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Reject;

    private protected override void ValidateFields()
    {
        ProposalDecision.Validate(ProposalNumber, Channel);
        Require.OptionalText(CounterSuggestion, nameof(CounterSuggestion), Require.TextLength);
    }

    internal override void CheckAgainst(in CommandContext context) => ProposalDecision.RequireOpen(context.Case, ProposalNumber, "reject");

    internal override Applied Apply(in CommandContext context)
    {
        ProposalDecision.Decide(context, ProposalNumber, accepted: false, CounterSuggestion, Channel);
        return new(new ProposalRejected(ProposalNumber, CounterSuggestion, Channel));
    }
}
