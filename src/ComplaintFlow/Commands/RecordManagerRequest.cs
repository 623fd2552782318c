using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Records that the customer asked for a manager; the built-in policy escalates the case to one (PR-11).</summary>
public sealed record RecordManagerRequest : ComplaintCommand
{
    /// <summary>What the customer said.</summary>
    public required string CustomerWords { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordManagerRequest;

    private protected override void ValidateFields() => Require.Text(CustomerWords, nameof(CustomerWords), Require.TextLength);

    internal override Applied Apply(in CommandContext context) => new(new ManagerRequested(CustomerWords));
}
