using ComplaintFlow.Events;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>A customer who asks for a manager gets one.</summary>
internal sealed class ManagerRequestedPolicy(IOptions<ComplaintFlowOptions> options) : IEscalationPolicy
{
    private readonly ManagerRequestedEscalation _settings = options.Value.Escalation.ManagerRequested;

    public string Name => "manager-requested";

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
                "You asked for a manager, and one is now looking after your case. They have the full history, so there is no need to start again."));
    }
}
