using ComplaintFlow.Events;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>Critical, regulated, reputation-risk and vulnerable-customer cases go to the specialist team (PR-19).</summary>
internal sealed class SeriousCasePolicy(IOptions<ComplaintFlowOptions> options, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly SeriousCaseEscalation _settings = options.Value.Escalation.SeriousCases;

    public string Name => "serious-case";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ComplaintOpened), typeof(SeverityChanged), typeof(FlagsChanged)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_settings.Enabled || !(context.Has<ComplaintOpened>() || context.Has<SeverityChanged>() || context.Has<FlagsChanged>()))
        {
            return ValueTask.FromResult<EscalationRequest?>(null);
        }

        var complaint = context.Case;
        var flags = complaint.Flags & _settings.Flags;
        var serious = complaint.Severity >= _settings.MinimumSeverity;
        if (!serious && flags == ComplaintFlags.None)
        {
            return ValueTask.FromResult<EscalationRequest?>(null);
        }

        var why = serious ? $"severity {complaint.Severity}" : $"flags {flags}";
        return ValueTask.FromResult<EscalationRequest?>(new EscalationRequest(
            _settings.Tier,
            _settings.Team,
            "serious-case",
            $"The case needs experienced handling ({why}).",
            texts.GetText(CustomerExplanationKeys.SeriousCase, context.Culture)));
    }
}
