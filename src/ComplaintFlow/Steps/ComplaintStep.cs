using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>
    /// What the step declares about itself: whether it applies, whether the case waits on the customer in it, the clocks
    /// it moves, who performs it and where it can send a case back. The default declares none of these.
    /// </summary>
    public virtual StepFacts Facts => StepFacts.None;

    /// <summary>The type of input the completing command must carry.</summary>
    public abstract Type InputType { get; }

    /// <summary>
    /// Whether the actor may take the step's actions on the case now, before any input is read: the part of a step's
    /// own check that available actions can answer too (see <see cref="ComplaintStep{TInput}"/>).
    /// </summary>
    internal abstract StepCheck ReadyFor(ComplaintCase complaint, Actor actor);

    internal abstract StepCheck CheckInput(ComplaintCase complaint, Actor actor, object? input, StepSendBack? sendBack);

    internal abstract StepRecordContent RecordInput(object? input, StepSendBack? sendBack, string? reason);

    internal abstract JsonElement SerializeInput(object input);

    /// <summary>Reads the input from JSON; throws <see cref="ComplaintValidationException"/> naming the field when it cannot.</summary>
    internal abstract object DeserializeInput(JsonElement json, string field);

    internal abstract JsonNode InputSchema();
}
