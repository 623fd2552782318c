using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Time;

namespace ComplaintFlow;

/// <summary>
/// What only the process and the options together can show is wrong, checked when the desk is built: a step performed
/// by a tier that is not configured, a step moving a clock that does not exist, a clock that nothing starts.
/// </summary>
internal static class DeskChecks
{
    /// <summary>
    /// The referral text the final response letters quote must exist in the customer explanations: otherwise every
    /// letter failed, long after start-up, with the explanations' own error.
    /// </summary>
    public static void CheckReferralText(ComplaintFlowOptions options, Policies.ICustomerExplanations explanations)
    {
        if (options.Clocks.Referral is not { } referral)
        {
            return;
        }

        try
        {
            _ = explanations.GetText(referral.TextKey, options.DefaultCustomerCulture);
        }
#pragma warning disable CA1031 // Whatever the app's explanations throw for the key, the configuration is what is wrong.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new ComplaintProcessDefinitionException($"Clocks.Referral's text key '{referral.TextKey}' has no text in the customer explanations ({explanations.GetType().Name}): {exception.Message} Add the text, or use the key of one that exists.");
        }
    }

    public static void Check(ComplaintProcess process, AuthorityRules authority, ClockEngine clocks)
    {
        var clockNames = clocks.ClockNames.ToHashSet(StringComparer.Ordinal);
        var started = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in process.Nodes)
        {
            if (node.Facts.PerformedBy?.MinimumTier is { } tier && authority.TryRankOf(tier) is null)
            {
                throw new ComplaintProcessDefinitionException($"Step '{node.Id}' is performed by tier '{tier}' or above, which is not one of the configured tiers ({string.Join(", ", authority.TierNames)}).");
            }

            foreach (var rule in node.Facts.Clocks)
            {
                if (!clockNames.Contains(rule.Clock))
                {
                    throw new ComplaintProcessDefinitionException($"Step '{node.Id}' {rule.Action.ToString().ToLowerInvariant()}s clock '{rule.Clock}', which is not configured; add a ClockDefinition named '{rule.Clock}' to the options' Clocks. Configured clocks: {string.Join(", ", clockNames)}.");
                }

                if (rule.Action == StepClockAction.Start)
                {
                    started.Add(rule.Clock);
                }
            }
        }

        // An action named wrongly in the authority settings would otherwise leave the real one open to every tier.
        var actions = process.Actions.Entries.Select(e => e.Name).Append(OpenCase.OpenAction).ToHashSet(StringComparer.Ordinal);
        foreach (var action in authority.ActionsWithMinimumTier)
        {
            if (AuthorityRules.IsOpenToAll(action))
            {
                throw new ComplaintProcessDefinitionException($"MinimumTierByAction['{action}']: '{action}' is open to every actor (PR-10), so a minimum tier for it would have no effect; remove the entry.");
            }

            if (!actions.Contains(action))
            {
                throw new ComplaintProcessDefinitionException($"MinimumTierByAction['{action}'] names no action of the process; check the spelling. Its actions are: {string.Join(", ", actions.Order(StringComparer.Ordinal))}.");
            }
        }

        foreach (var (role, action) in authority.RoleGrants)
        {
            // A nameless grant is refused with the options, before the desk is built.
            if (!actions.Contains(action))
            {
                throw new ComplaintProcessDefinitionException($"Role '{role}' grants '{action}', which is no action of the process; check the spelling. Its actions are: {string.Join(", ", actions.Order(StringComparer.Ordinal))}.");
            }
        }

        foreach (var name in clockNames.Where(n => !clocks.StartsOnATrigger(n) && !started.Contains(n)))
        {
            throw new ComplaintProcessDefinitionException($"Clock '{name}' never starts: it has no StartsOn trigger and no step starts it. Set StartsOn, or start it from a step with StepFacts.StartsClock.");
        }

    }
}
