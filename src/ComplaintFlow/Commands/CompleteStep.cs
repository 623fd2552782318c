using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Completes a custom step (see <see cref="ComplaintStep{TInput}"/>) with the step's own input, or sends the case back
/// to an earlier step through one of the step's send-backs (see <see cref="StepFacts.SendBacks"/>).
/// </summary>
public sealed record CompleteStep : ComplaintCommand
{
    /// <summary>The custom step to complete; the case must be waiting in it.</summary>
    public required string StepId { get; init; }

    /// <summary>
    /// The step's input as an object of its <see cref="ComplaintStep.InputType"/>, for callers in .NET. Required to
    /// complete the step, optional for a send-back. Over JSON, send <see cref="InputJson"/> instead.
    /// </summary>
    [JsonIgnore]
    public object? Input { get; init; }

    /// <summary>
    /// The step's input as JSON (the <c>input</c> member of the command's JSON form), read with the step's own type
    /// information when <see cref="Input"/> is not set. A command built from JSON carries its input here.
    /// </summary>
    [JsonPropertyName("input")]
    public JsonElement? InputJson { get; init; }

    /// <summary>
    /// The send-back action to take instead of completing the step (for example <c>decline-legal-review</c>), or
    /// <see langword="null"/> to complete it and move on.
    /// </summary>
    public string? SendBack { get; init; }

    /// <summary>Why the case goes back; required with <see cref="SendBack"/>.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.CompleteStep;

    internal override string TriggerFor(in TriggerContext context) => SendBack ?? StepOf(context.Process).CompletionAction;

    internal ComplaintStep StepOf(ComplaintProcess process) =>
        process.FindCustomStep(StepId)
        ?? throw new ComplaintValidationException(nameof(StepId), $"'{StepId}' is not a custom step of process {process.Version}; its steps are: {string.Join(", ", process.StepIds)}.");

    internal override string Fingerprint(ComplaintProcess process) =>
        CommandFingerprint.Of(this, InputOf(StepOf(process)) is { } input ? JsonSerializer.SerializeToUtf8Bytes(StepOf(process).SerializeInput(input)) : []);

    private protected override void ValidateFields()
    {
        Require.Text(StepId, nameof(StepId), Require.IdLength);
        if (SendBack is null)
        {
            if (Input is null && InputJson is not { ValueKind: not JsonValueKind.Undefined })
            {
                throw new ComplaintValidationException(nameof(Input), "is required but was null.");
            }

            Require.OptionalText(Reason, nameof(Reason), Require.TextLength);
        }
        else
        {
            Require.Text(SendBack, nameof(SendBack), Require.IdLength);
            Require.Text(Reason, nameof(Reason), Require.TextLength);
        }
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        var step = StepOf(context.Process);
        var sendBack = SendBackOf(step, context.Process);
        var input = InputOf(step);

        var action = sendBack?.Action ?? step.CompletionAction;
        if (Refusal(step.ReadyFor(context.Case, Actor), context.Case, Actor, action) is { } notReady)
        {
            throw notReady;
        }

        var check = step.CheckInput(context.Case, Actor, input, sendBack);
        if (check.Kind == StepCheckKind.Invalid)
        {
            throw new ComplaintValidationException($"{nameof(Input)}.{check.Field}", check.Reason!);
        }

        if (Refusal(check, context.Case, Actor, action) is { } refused)
        {
            throw refused;
        }
    }

    /// <summary>
    /// The error a step's check stands for, or <see langword="null"/> when it passes: one mapping for the command and
    /// for available actions, so both give the same message.
    /// </summary>
    internal static ComplaintFlowException? Refusal(StepCheck check, ComplaintCase complaint, Actor actor, string action) => check.Kind switch
    {
        StepCheckKind.Unauthorized => new ComplaintAuthorizationException(actor.Id, action, check.Reason!),
        StepCheckKind.NotYet => new ActionNotPermittedException(complaint.Id, complaint.Step, action, [action], [check.Reason!]),
        _ => null,
    };

    /// <summary>
    /// What a step's record says, refused naming the step when no store could keep it: the step is the app's code, so
    /// neither the caller nor the database is to blame (PostgreSQL refused a NUL as a store failure).
    /// </summary>
    private static StepRecordContent Storable(ComplaintStep step, StepRecordContent? content)
    {
        if (content?.Summary is null || content.Data is null)
        {
            throw new ComplaintProcessDefinitionException($"The step '{step.Id}' recorded no {(content is null ? "content" : content.Summary is null ? "summary" : "data")}; its Record must return a summary and a dictionary of data (empty if there is none).");
        }

        var summaryAt = Validation.TextRules.FirstUnstorable(content.Summary);
        if (summaryAt >= 0)
        {
            throw Unstorable(step, "its summary", summaryAt);
        }

        foreach (var (key, value) in content.Data)
        {
            if (Validation.TextRules.FirstUnstorable(key) is var keyAt and >= 0)
            {
                throw Unstorable(step, "a data key", keyAt);
            }

            if (value is null)
            {
                throw new ComplaintProcessDefinitionException($"The step '{step.Id}' recorded no value for the data key '{key}'; use an empty string.");
            }

            if (Validation.TextRules.FirstUnstorable(value) is var valueAt and >= 0)
            {
                throw Unstorable(step, $"the value of the data key '{key}'", valueAt);
            }
        }

        return content;
    }

    private static ComplaintProcessDefinitionException Unstorable(ComplaintStep step, string what, int position) =>
        new($"The step '{step.Id}' recorded {what} with a character no store can keep at position {position} (a NUL or half of a surrogate pair).");

    internal override Applied Apply(in CommandContext context)
    {
        var step = StepOf(context.Process);
        var sendBack = SendBackOf(step, context.Process);
        var input = InputOf(step);
        var content = Storable(step, step.RecordInput(input, sendBack, Reason));
        var record = new StepRecord(StepId, content.Summary, content.Data.ToImmutableSortedDictionary(StringComparer.Ordinal), Actor, context.Now)
        {
            Input = input is null ? null : step.SerializeInput(input),
            Action = sendBack?.Action ?? step.CompletionAction,
            NextStep = context.NextStep,
            Reason = Reason,
        };
        context.Draft.StepRecords = context.Case.StepRecords.Add(record);
        if (sendBack is null)
        {
            return new(new StepCompleted(record));
        }

        SetAside(context);
        return new(new StepSentBack(record));
    }

    /// <summary>
    /// Going back to or before gain-agreement sets the accepted proposal and its outcome aside, so fulfilment needs a new
    /// agreement (PR-08); going back to or before fulfil takes the recorded fulfilment out of the round.
    /// </summary>
    private static void SetAside(in CommandContext context)
    {
        var target = context.Process.IndexOf(context.NextStep);
        var draft = context.Draft;
        // What went with the agreement goes with it: the outcome decided at or after the proposal (by its acceptance,
        // not a decision taken before it was made) and the reason given for paying less than it. The next agreement
        // decides again.
        if (target <= context.Process.IndexOf(StepIds.GainAgreement) && CaseRound.SetAsideAgreement(draft) is { } setAside)
        {
            draft.Outcome = draft.Outcome is { } outcome && outcome.DecidedAt >= setAside.ProposedAt ? null : draft.Outcome;
            draft.RedressShortfallReason = null;
        }

        if (target <= context.Process.IndexOf(StepIds.Fulfil))
        {
            draft.Fulfilment = null;
        }
    }

    // The process's facts of the step, not the step class's own: ConfigureStep may have added or changed send-backs.
    private StepSendBack? SendBackOf(ComplaintStep step, ComplaintProcess process)
    {
        if (SendBack is null)
        {
            return null;
        }

        var sendBacks = process.GetFacts(step.Id).SendBacks;
        return sendBacks.FirstOrDefault(s => s.Action == SendBack)
            ?? throw new ComplaintValidationException(nameof(SendBack), $"'{SendBack}' is not a send-back of step '{StepId}'; {(sendBacks.IsEmpty ? "it has none" : "its send-backs are: " + string.Join(", ", sendBacks.Select(s => s.Action)))}.");
    }

    // Checked here, where every use of the input (the fingerprint of a keyed command too) gets it.
    private object? InputOf(ComplaintStep step)
    {
        var input = Input ?? (InputJson is { ValueKind: not JsonValueKind.Undefined } json ? step.DeserializeInput(json, nameof(Input)) : null);
        if (input is not null && !step.InputType.IsInstanceOfType(input))
        {
            throw new ComplaintValidationException(nameof(Input), $"step '{StepId}' needs a {step.InputType.Name}, but got a {input.GetType().Name}.");
        }

        if (input is not null && FirstUnstorableText(step.SerializeInput(input), nameof(Input)) is { } where)
        {
            throw new ComplaintValidationException(where, "holds a NUL character or a lone surrogate, which no store can keep in text.");
        }

        return input;
    }

    // The app's own input type has no text rules of ours, but its text is stored as JSON: PostgreSQL refuses a NUL in it.
    private static string? FirstUnstorableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TextRules.FirstUnstorable(element.GetString()) >= 0 ? path : null;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (TextRules.FirstUnstorable(member.Name) >= 0)
                    {
                        return path;
                    }

                    if (FirstUnstorableText(member.Value, $"{path}.{member.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstUnstorableText(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
