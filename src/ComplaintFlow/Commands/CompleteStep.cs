using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Completes a custom step (see <see cref="ComplaintStep{TInput}"/>) with the step's own input.</summary>
public sealed record CompleteStep : ComplaintCommand
{
    /// <summary>The custom step to complete; the case must be waiting in it.</summary>
    public required string StepId { get; init; }

    /// <summary>The step's input; its type must be the step's <see cref="ComplaintStep.InputType"/>. Required.</summary>
    /// <remarks>Not <c>required</c> in the C# sense because it is left out of the command's JSON form; a missing input is refused when the command runs.</remarks>
    [JsonIgnore]
    public object Input { get; init; } = null!;

    /// <inheritdoc />
    public override string Action => "complete-step";

    internal override string TriggerFor(in TriggerContext context) => StepOf(context.Process).CompletionAction;

    internal ComplaintStep StepOf(ComplaintProcess process) =>
        process.FindCustomStep(StepId)
        ?? throw new ComplaintValidationException(nameof(StepId), $"'{StepId}' is not a custom step of process {process.Version}; its steps are: {string.Join(", ", process.StepIds)}.");

    private protected override void ValidateFields()
    {
        Require.Text(StepId, nameof(StepId), Require.IdLength);
        if (Input is null)
        {
            throw new ComplaintValidationException(nameof(Input), "is required but was null.");
        }
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        var step = StepOf(context.Process);
        if (!step.InputType.IsInstanceOfType(Input))
        {
            throw new ComplaintValidationException(nameof(Input), $"step '{StepId}' needs a {step.InputType.Name}, but got a {Input.GetType().Name}.");
        }

        var check = step.CheckInput(context.Case, Actor, Input);
        switch (check.Kind)
        {
            case StepCheckKind.Invalid:
                throw new ComplaintValidationException($"{nameof(Input)}.{check.Field}", check.Reason!);
            case StepCheckKind.Unauthorized:
                throw new ComplaintAuthorizationException(Actor.Id, step.CompletionAction, check.Reason!);
            case StepCheckKind.NotYet:
                throw new ActionNotPermittedException(context.Case.Id, context.Case.Step, step.CompletionAction, [step.CompletionAction], [check.Reason!]);
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        var content = StepOf(context.Process).RecordInput(Input);
        var record = new StepRecord(StepId, content.Summary, content.Data.ToImmutableSortedDictionary(StringComparer.Ordinal), Actor, context.Now);
        return new(context.Case with { StepRecords = context.Case.StepRecords.Add(record) }, new StepCompleted(record));
    }

    internal string DescribeInput(ComplaintProcess process)
    {
        var content = StepOf(process).RecordInput(Input);
        return content.Summary + "|" + string.Join("|", content.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
    }
}
