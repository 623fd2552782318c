namespace ComplaintFlow.Steps;

/// <summary>
/// A custom step with its own input type, check and guidance. The case waits in the step until a
/// <see cref="CompleteStep"/> command carrying a <typeparamref name="TInput"/> passes <see cref="Check"/>;
/// then <see cref="Record"/> says what to store and the case moves to the next step.
/// </summary>
/// <typeparam name="TInput">The input the step needs, for example an investigation's findings.</typeparam>
public abstract class ComplaintStep<TInput> : ComplaintStep
    where TInput : class
{
    /// <summary>Creates the step.</summary>
    /// <param name="id">The step id (lower-case words joined by hyphens).</param>
    /// <param name="completionAction">The action name that completes the step.</param>
    /// <param name="guidance">What the agent should do in the step.</param>
#pragma warning disable RS0022 // By design: integrators derive from this generic class, never from the untyped base.
    protected ComplaintStep(string id, string completionAction, StepGuidance guidance)
#pragma warning restore RS0022
        : base(id, completionAction, guidance)
    {
    }

    /// <inheritdoc />
    public sealed override Type InputType => typeof(TInput);

    /// <summary>
    /// Decides whether the actor may complete the step with this input. Runs before anything is saved;
    /// must not do I/O. The default passes.
    /// </summary>
    protected virtual StepCheck Check(ComplaintCase complaint, Actor actor, TInput input) => StepCheck.Pass;

    /// <summary>Says what to store about the completion.</summary>
    protected abstract StepRecordContent Record(TInput input);

    internal sealed override StepCheck CheckInput(ComplaintCase complaint, Actor actor, object input) =>
        Check(complaint, actor, (TInput)input);

    internal sealed override StepRecordContent RecordInput(object input) => Record((TInput)input);
}
