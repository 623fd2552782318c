using ComplaintFlow.Events;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>After the configured number of rejected proposals, a more senior tier takes over (PR-09).</summary>
internal sealed class RepeatedRejectionsPolicy(IOptions<ComplaintFlowOptions> options, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly RepeatedRejectionsEscalation _settings = options.Value.Escalation.RepeatedRejections;

    public string Name => "repeated-rejections";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ProposalRejected)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_settings.Enabled || !context.Has<ProposalRejected>())
        {
            return ValueTask.FromResult<EscalationRequest?>(null);
        }

        var rejections = context.Case.Decisions.Count(d => !d.Accepted);
        return ValueTask.FromResult(rejections < _settings.Threshold
            ? null
            : new EscalationRequest(
                _settings.Tier,
                null,
                "repeated-rejections",
                $"The customer has rejected {rejections} proposals; their latest suggestion is on the case.",
                texts.GetText(CustomerExplanationKeys.RepeatedRejections, context.Culture)));
    }
}
