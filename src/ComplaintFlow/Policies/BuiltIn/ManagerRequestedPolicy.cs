using ComplaintFlow.Events;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>A customer who asks for a manager gets one.</summary>
internal sealed class ManagerRequestedPolicy(IOptions<ComplaintFlowOptions> options, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly ManagerRequestedEscalation _settings = options.Value.Escalation.ManagerRequested;

    public string Name => "manager-requested";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ManagerRequested)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(!_settings.Enabled || !context.Has<ManagerRequested>()
            ? null
            : new EscalationRequest(
                _settings.Tier,
                null,
                "manager-requested",
                "The customer asked for a manager.",
                texts.GetText(CustomerExplanationKeys.ManagerRequested, context.Culture)));
    }
}
