using ComplaintFlow.Events;
using ComplaintFlow.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>A customer who keeps having to complain gets a more senior handler: something keeps going wrong (PR-20).</summary>
internal sealed class RepeatComplainantPolicy(IOptions<ComplaintFlowOptions> options, IComplaintStore store, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly RepeatComplainantEscalation _settings = options.Value.Escalation.RepeatComplainant;

    public string Name => "repeat-complainant";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ComplaintOpened)];

    public async ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_settings.Enabled || !context.Has<ComplaintOpened>())
        {
            return null;
        }

        var complaint = context.Case;
        // Counted from indexed columns, so another case of this customer whose snapshot is damaged cannot stop this one opening.
        var count = await store.CountCustomerCasesAsync(complaint.CustomerRef, complaint.ReceivedAt - _settings.Window, cancellationToken).ConfigureAwait(false) + 1;
        return count < _settings.Threshold
            ? null
            : new EscalationRequest(
                _settings.Tier,
                null,
                "repeat-complainant",
                $"Customer {complaint.CustomerRef} has complained {count} times within {_settings.Window.TotalDays:0} days.",
                texts.GetText(CustomerExplanationKeys.RepeatComplainant, context.Culture));
    }
}
