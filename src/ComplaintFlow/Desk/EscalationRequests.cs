using ComplaintFlow.Policies;

namespace ComplaintFlow;

/// <summary>Checks what a policy asked for, so a bad request fails loudly and names the policy.</summary>
internal static class EscalationRequests
{
    public static int Check(EscalationRequest request, string policy, ComplaintId caseId, AuthorityRules authority)
    {
        if (string.IsNullOrWhiteSpace(request.Cause) || string.IsNullOrWhiteSpace(request.Reason) || string.IsNullOrWhiteSpace(request.CustomerExplanation))
        {
            throw new EscalationPolicyFailedException(policy, caseId, "its request needs a cause, a reason and a customer explanation (PR-11).");
        }

        return authority.TryRankOf(request.Tier)
            ?? throw new EscalationPolicyFailedException(policy, caseId, $"it asked for tier '{request.Tier}', which is not one of the configured tiers ({string.Join(", ", authority.TierNames)}).");
    }
}
