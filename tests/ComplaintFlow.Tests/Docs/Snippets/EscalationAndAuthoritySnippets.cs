// The C# blocks of docs/escalation-and-authority.md, compiled. DocsCodeBlockTests checks that every line of every
// block appears here, in order; change the two together.
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets.Escalation;

internal static class Tiers
{
    public static void Configure(IServiceCollection services)
    {
        services.AddComplaintFlow(options =>
        {
            options.Tiers[0].MoneyLimits["JPY"] = 15_000m;
            options.MinimumTierByAction[ComplaintActions.Reopen] = "supervisor";
        });
    }
}

internal sealed class VipFirstRejectionPolicy : IEscalationPolicy
{
    public string Name => "vip-first-rejection";

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Case.CustomerRef.StartsWith("vip-", StringComparison.Ordinal) && context.Has<ProposalRejected>()
            ? new EscalationRequest("manager", null, "vip-rejection", "A VIP customer rejected our proposal.",
                "As one of our most valued customers, your case now has a manager's personal attention.")
            : null);
}

internal static class Policies
{
    public static void Register(IServiceCollection services)
    {
        services.AddComplaintFlow().AddEscalationPolicy<VipFirstRejectionPolicy>();
    }
}
