using ComplaintFlow.Events;
using ComplaintFlow.Policies;

namespace ComplaintFlow.WebApi;

/// <summary>
/// The back office's escalation policy: a complaint from a VIP customer (a reference starting with <c>vip-</c>) goes
/// to a supervisor as soon as it is opened (PR-19: the people who can act take the serious cases).
/// </summary>
public sealed class VipPolicy : IEscalationPolicy
{
    /// <inheritdoc />
    public string Name => "vip";

    /// <inheritdoc />
    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var opened = context.Events.Any(e => e.Data is ComplaintOpened);
        return ValueTask.FromResult(opened && context.Case.CustomerRef.StartsWith("vip-", StringComparison.OrdinalIgnoreCase) && context.Case.Tier == "agent"
            ? new EscalationRequest("supervisor", null, "vip", "The customer is a VIP.", "A senior colleague is looking after your complaint personally.")
            : null);
    }
}
