using ComplaintFlow.Events;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>Breached clocks go up the line: service breaches to a supervisor, regulatory ones to the specialist team.</summary>
internal sealed class ClockBreachPolicy(IOptions<ComplaintFlowOptions> options, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly ClockBreachEscalation _settings = options.Value.Escalation.ClockBreaches;

    public string Name => "clock-breach";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ClockBreached)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        EscalationRequest? best = null;
        if (!_settings.Enabled || !context.Has<ClockBreached>())
        {
            return ValueTask.FromResult(best);
        }

        foreach (var complaintEvent in context.Events)
        {
            if (complaintEvent.Data is not ClockBreached breach)
            {
                continue;
            }

            if (breach.Regulatory)
            {
                // A regulatory breach outranks any service breach in the same batch.
                return ValueTask.FromResult<EscalationRequest?>(new EscalationRequest(
                    _settings.RegulatoryTier,
                    _settings.RegulatoryTeam,
                    $"clock-breach:{breach.Name}",
                    $"The regulatory deadline '{breach.Name}' ({breach.DueAt:u}) has passed.",
                    texts.GetText(CustomerExplanationKeys.RegulatoryClockBreached, context.Culture)));
            }

            if (best is null && _settings.Clocks.Contains(breach.Name))
            {
                best = new EscalationRequest(
                    _settings.Tier,
                    null,
                    $"clock-breach:{breach.Name}",
                    $"The '{breach.Name}' deadline ({breach.DueAt:u}) has passed.",
                    texts.GetText(CustomerExplanationKeys.ServiceClockBreached, context.Culture));
            }
        }

        return ValueTask.FromResult(best);
    }
}
