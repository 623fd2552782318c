using ComplaintFlow.Steps;
namespace ComplaintFlow.Process;

/// <summary>
/// Builds a <see cref="ComplaintProcess"/> by inserting, replacing or removing steps. <see cref="Build"/> refuses a
/// process that breaks the invariants: acknowledge first, a proposal and the customer's agreement before fulfilment,
/// follow-up last.
/// </summary>
public sealed class ComplaintProcessBuilder
{
    private readonly List<ProcessStepNode> _steps;
    private string _name;

    internal ComplaintProcessBuilder(string name, IEnumerable<ProcessStepNode> steps)
    {
        _name = name;
        _steps = [.. steps];
    }

    /// <summary>Names the process; the name is part of <see cref="ComplaintProcess.Version"/>.</summary>
    public ComplaintProcessBuilder Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>Inserts a custom step directly after an existing step.</summary>
    public ComplaintProcessBuilder InsertAfter(string existingStepId, ComplaintStep step) => Insert(existingStepId, step, offset: 1);

    /// <summary>Inserts a custom step directly before an existing step.</summary>
    public ComplaintProcessBuilder InsertBefore(string existingStepId, ComplaintStep step) => Insert(existingStepId, step, offset: 0);

    /// <summary>Puts a custom step in the place of an existing step.</summary>
    public ComplaintProcessBuilder Replace(string existingStepId, ComplaintStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var index = IndexOf(existingStepId);
        _steps[index] = ProcessStepNode.ForCustom(step);
        return this;
    }

    /// <summary>Removes a step. Only steps the invariants do not need can go (for example <c>validate</c>, or <c>listen</c> with it).</summary>
    public ComplaintProcessBuilder Remove(string stepId)
    {
        _steps.RemoveAt(IndexOf(stepId));
        return this;
    }

    /// <summary>Replaces a step's playbook entry (PR-18).</summary>
    public ComplaintProcessBuilder WithGuidance(string stepId, StepGuidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var index = IndexOf(stepId);
        _steps[index] = _steps[index] with { Guidance = guidance };
        return this;
    }

    /// <summary>
    /// Changes what a step declares about itself (built-in or custom): whether the case waits on the customer in it,
    /// the clocks it moves, who performs it; for custom steps also whether it applies and where it sends cases back.
    /// </summary>
    /// <example><c>builder.ConfigureStep(StepIds.Fulfil, facts => facts.PerformedByRoles(["payments"], orTierAtLeast: "supervisor"))</c></example>
    public ComplaintProcessBuilder ConfigureStep(string stepId, Func<StepFacts, StepFacts> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var index = IndexOf(stepId);
        _steps[index] = _steps[index] with { Facts = configure(_steps[index].Facts) ?? throw new ArgumentException("The configuration returned null facts.", nameof(configure)) };
        return this;
    }

    /// <summary>
    /// Adds a condition the step must meet before the case may move forward out of it: its completing action, and also
    /// a final response from seek-resolution or gain-agreement, and a waived follow-up or the last unanswered follow-up
    /// attempt. Send-backs, reopening, withdrawal and the passing over of a conditional step that does not apply are
    /// not held by it.
    /// </summary>
    public ComplaintProcessBuilder AddCompletionRequirement(string stepId, StepRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentException.ThrowIfNullOrWhiteSpace(requirement.Description, nameof(requirement));
        ArgumentNullException.ThrowIfNull(requirement.IsMet, nameof(requirement));
        var index = IndexOf(stepId);
        _steps[index] = _steps[index] with { Requirements = _steps[index].Requirements.Add(requirement) };
        return this;
    }

    /// <summary>Checks the invariants and builds the immutable process.</summary>
    /// <exception cref="ComplaintProcessDefinitionException">The steps break an invariant; the message says which.</exception>
    public ComplaintProcess Build()
    {
        ProcessInvariants.Check(_steps);
        return new ComplaintProcess(_name, [.. _steps]);
    }

    private ComplaintProcessBuilder Insert(string existingStepId, ComplaintStep step, int offset)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Insert(IndexOf(existingStepId) + offset, ProcessStepNode.ForCustom(step));
        return this;
    }

    private int IndexOf(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        var index = _steps.FindIndex(s => s.Id == stepId);
        return index >= 0
            ? index
            : throw new ComplaintProcessDefinitionException($"The process has no step '{stepId}'. Its steps are: {string.Join(", ", _steps.Select(s => s.Id))}.");
    }
}
