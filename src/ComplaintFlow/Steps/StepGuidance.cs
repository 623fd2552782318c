using System.Collections.Immutable;

namespace ComplaintFlow.Steps;

/// <summary>What an agent should do in a step: the playbook entry shown beside the case (PR-18).</summary>
/// <param name="Title">A short title for the step.</param>
/// <param name="Purpose">What the step is for, in one or two sentences.</param>
/// <param name="Checklist">Concrete things to do before completing the step.</param>
/// <param name="Practices">The practice ids (PR-nn) the step serves.</param>
public sealed record StepGuidance(string Title, string Purpose, ImmutableArray<string> Checklist, ImmutableArray<string> Practices);
