using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace ComplaintFlow.Steps;

/// <summary>
/// A custom step with its own input type, check and guidance. The case waits in the step until a
/// <see cref="CompleteStep"/> command carrying a <typeparamref name="TInput"/> passes <see cref="Check"/>; then
/// <see cref="Record"/> says what to store and the case moves to the next step, or back to an earlier one through one
/// of the step's send-backs (see <see cref="StepFacts.SendBacks"/>). The input itself is kept on the case and in its
/// history as JSON, written with <see cref="InputJson"/>.
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
    /// How the input is written to and read from JSON: in the case's history, on the snapshot and in commands sent over
    /// HTTP or a queue. Override it with your source-generated type information (for example
    /// <c>MyJsonContext.Default.Findings</c>); the default uses reflection with camel-case names and enums as strings.
    /// </summary>
    protected virtual JsonTypeInfo<TInput> InputJson => (JsonTypeInfo<TInput>)Serialization.ComplaintFlowJson.ReflectionOptions.GetTypeInfo(typeof(TInput));

    /// <summary>
    /// Decides whether the actor may take the step's actions on the case now, whatever the input: who may act, or
    /// whether the case is ready (for example, "only after the courier's report is attached"). Available actions ask
    /// this too, so a step put here is never offered and then refused (<see cref="IComplaintDesk.GetAvailableActionsAsync"/>).
    /// Runs before <see cref="Check"/> and <see cref="CheckSendBack"/>, under the same rules; an
    /// <see cref="StepCheck.Invalid"/> answer is reported as not yet possible, as there is no input to name. The default
    /// passes.
    /// </summary>
    protected virtual StepCheck CheckReady(ComplaintCase complaint, Actor actor) => StepCheck.Pass;

    /// <summary>
    /// Decides whether the actor may complete the step with this input. Runs before anything is saved, and may run more
    /// than once for one command; must not do I/O or change anything. The default passes.
    /// </summary>
    protected virtual StepCheck Check(ComplaintCase complaint, Actor actor, TInput input) => StepCheck.Pass;

    /// <summary>
    /// Decides whether the actor may send the case back this way; the input is optional for a send-back. The same rules
    /// as <see cref="Check"/> apply. The default passes.
    /// </summary>
    protected virtual StepCheck CheckSendBack(ComplaintCase complaint, Actor actor, TInput? input, StepSendBack sendBack) => StepCheck.Pass;

    /// <summary>Says what to store about the completion.</summary>
    protected abstract StepRecordContent Record(TInput input);

    /// <summary>Says what to store about a send-back. The default records the reason.</summary>
    protected virtual StepRecordContent RecordSendBack(TInput? input, StepSendBack sendBack, string reason)
    {
        ArgumentNullException.ThrowIfNull(sendBack);
        return new StepRecordContent($"Sent back to {sendBack.ToStep}: {reason}", new Dictionary<string, string>());
    }

    internal sealed override StepCheck ReadyFor(ComplaintCase complaint, Actor actor) => CheckReady(complaint, actor) switch
    {
        { Kind: StepCheckKind.Invalid } invalid => StepCheck.NotYet(invalid.Reason!),
        var check => check,
    };

    internal sealed override StepCheck CheckInput(ComplaintCase complaint, Actor actor, object? input, StepSendBack? sendBack) =>
        sendBack is null ? Check(complaint, actor, (TInput)input!) : CheckSendBack(complaint, actor, (TInput?)input, sendBack);

    internal sealed override StepRecordContent RecordInput(object? input, StepSendBack? sendBack, string? reason) =>
        sendBack is null ? Record((TInput)input!) : RecordSendBack((TInput?)input, sendBack, reason!);

    internal sealed override JsonElement SerializeInput(object input)
    {
        try
        {
            return JsonSerializer.SerializeToElement((TInput)input, InputJson);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // An input the app's JSON type info cannot write (a NaN, a cycle, an unsupported member) is the caller's input's problem.
            throw new ComplaintValidationException("Input", $"cannot be written as JSON for step '{Id}': {exception.Message}");
        }
    }

    internal sealed override object DeserializeInput(JsonElement json, string field)
    {
        try
        {
            return json.Deserialize(InputJson) ?? throw new ComplaintValidationException(field, $"is null, but step '{Id}' needs a {typeof(TInput).Name}.");
        }
        catch (JsonException exception)
        {
            throw new ComplaintValidationException(exception.Path is { Length: > 1 } path ? field + path[1..] : field, $"cannot be read as a {typeof(TInput).Name}: {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new ComplaintValidationException(field, $"cannot be read as a {typeof(TInput).Name}: {exception.Message}");
        }
    }

    internal sealed override JsonNode InputSchema() => InputJson.GetJsonSchemaAsNode(Serialization.ComplaintFlowJson.SchemaOptions);
}
