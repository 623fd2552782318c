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

        // The texts go into the case's history as they are: text no case could hold (a NUL, which PostgreSQL refuses)
        // would fail the save as the store's error, on every poll of the deadline worker.
        foreach (var (text, name) in new[] { (request.Cause, "cause"), (request.Reason, "reason"), (request.CustomerExplanation, "customer explanation"), (request.Team, "team") })
        {
            try
            {
                if (text is not null)
                {
                    Validation.TextRules.Check(text, name);
                }
            }
            catch (ComplaintValidationException bad)
            {
                throw new EscalationPolicyFailedException(policy, caseId, $"its request's {name} {bad.Reason}");
            }
        }

        // A tier left null (read from a missing setting, say) is the policy's fault like an unknown one, not a raw null.
        return (request.Tier is null ? null : authority.TryRankOf(request.Tier))
            ?? throw new EscalationPolicyFailedException(policy, caseId, $"{(request.Tier is null ? "it asked for no tier" : $"it asked for tier '{request.Tier}'")}, which is not one of the configured tiers ({string.Join(", ", authority.TierNames)}).");
    }
}
