namespace ComplaintFlow.Steps;

/// <summary>
/// A step an integrator adds to the process. Derive from <see cref="ComplaintStep{TInput}"/>; this base exists so the
/// process can hold steps with different input types.
/// </summary>
public abstract class ComplaintStep
{
    private protected ComplaintStep(string id, string completionAction, StepGuidance guidance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(completionAction);
        ArgumentNullException.ThrowIfNull(guidance);
        Id = id;
        CompletionAction = completionAction;
        Guidance = guidance;
    }

    /// <summary>The step's stable id, stored on cases (lower-case words joined by hyphens, for example <c>investigate</c>).</summary>
    public string Id { get; }

    /// <summary>The action that completes the step, for example <c>complete-investigation</c>.</summary>
    public string CompletionAction { get; }

    /// <summary>The playbook entry for the step (PR-18).</summary>
    public StepGuidance Guidance { get; }

    /// <summary>The type of input the completing command must carry.</summary>
    public abstract Type InputType { get; }

    internal abstract StepCheck CheckInput(ComplaintCase complaint, Actor actor, object input);

    internal abstract StepRecordContent RecordInput(object input);
}
