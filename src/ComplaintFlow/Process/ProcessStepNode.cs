using ComplaintFlow.Steps;
using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>One step of a process definition: built-in (no <see cref="Custom"/>) or an integrator's.</summary>
internal sealed record ProcessStepNode(string Id, ComplaintStep? Custom, StepGuidance Guidance, ImmutableArray<StepRequirement> Requirements)
{
    public static ProcessStepNode BuiltIn(string id) => new(id, null, BuiltInGuidance.For(id), []);

    public static ProcessStepNode ForCustom(ComplaintStep step) => new(step.Id, step, step.Guidance, []);
}
