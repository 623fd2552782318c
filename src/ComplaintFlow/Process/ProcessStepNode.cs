using ComplaintFlow.Steps;
using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>One step of a process definition: built-in (no <see cref="Custom"/>) or an integrator's, with its declared facts.</summary>
internal sealed record ProcessStepNode(string Id, ComplaintStep? Custom, StepGuidance Guidance, ImmutableArray<StepRequirement> Requirements, StepFacts Facts)
{
    public static ProcessStepNode BuiltIn(string id) => new(id, null, BuiltInGuidance.For(id), [], BuiltInFacts.For(id));

    public static ProcessStepNode ForCustom(ComplaintStep step) => new(step.Id, step, step.Guidance, [], step.Facts ?? StepFacts.None);
}
