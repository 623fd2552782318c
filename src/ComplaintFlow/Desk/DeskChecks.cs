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

        foreach (var name in clockNames.Where(n => !clocks.StartsOnATrigger(n) && !started.Contains(n)))
        {
            throw new ComplaintProcessDefinitionException($"Clock '{name}' never starts: it has no StartsOn trigger and no step starts it. Set StartsOn, or start it from a step with StepFacts.StartsClock.");
        }

    }
}
