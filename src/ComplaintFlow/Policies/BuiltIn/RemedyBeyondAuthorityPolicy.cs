using Microsoft.Extensions.Options;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>A remedy beyond the proposer's authority goes to the most junior tier that can approve it (PR-07, PR-10).</summary>
internal sealed class RemedyBeyondAuthorityPolicy(IOptions<ComplaintFlowOptions> options, ICustomerExplanations texts) : IEscalationPolicy
{
    private readonly RemedyBeyondAuthorityEscalation _settings = options.Value.Escalation.RemedyBeyondAuthority;

    public string Name => "remedy-beyond-authority";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(AuthorityShortfall)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_settings.Enabled || context.Shortfall is not { ApproverTier: { } approver } shortfall)
        {
            return ValueTask.FromResult<EscalationRequest?>(null);
        }

        return ValueTask.FromResult<EscalationRequest?>(new EscalationRequest(
            approver,
            null,
            $"remedy-beyond-authority:{approver}",
            $"A remedy needs approval: {shortfall.Describe()}",
            texts.GetText(CustomerExplanationKeys.RemedyBeyondAuthority, context.Culture)));
    }
}
