using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// Builds a command from what an HTTP layer or a queue receives: the action's name, the case, the actor and a JSON body
/// holding the command's own members (as <see cref="AvailableAction.InputSchema"/> describes them). A custom step's
/// actions become a <see cref="CompleteStep"/> whose body is <c>{ "input": ..., "reason": ... }</c>. Every problem is a
/// <see cref="ComplaintValidationException"/> naming the member, never a raw <see cref="JsonException"/>. Resolve it
/// from dependency injection; it knows the configured process.
/// </summary>
public sealed class ComplaintCommandFactory
{
    private static readonly string[] Envelope = ["caseId", "actor", "idempotencyKey", "expectedVersion", "command"];

    // A member the command does not have is refused, not dropped: a misspelt optional member would otherwise vanish.
    private static readonly JsonSerializerOptions Strict = CreateStrictOptions();
    private readonly ComplaintProcess _process;

    /// <summary>Creates a factory for the process's actions.</summary>
    public ComplaintCommandFactory(ComplaintProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        _process = process;
    }

    /// <summary>The names of the actions a command can be built for.</summary>
    public IReadOnlyList<string> Actions => [.. _process.Actions.Entries.Select(e => e.Name)];

    /// <summary>
    /// The JSON schema of the body <see cref="Create"/> takes for <paramref name="action"/>: for documents such as OpenAPI,
    /// which describe every action before there is a case. <see cref="AvailableAction.InputSchema"/> is this schema less
    /// the values a desk's rules refuse on every case (record-communication offers no kind recorded by another command,
    /// nor another regime's final answer).
    /// </summary>
    /// <exception cref="ComplaintValidationException">The action is unknown.</exception>
    public JsonElement GetInputSchema(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Find(action).InputSchema;
    }

    /// <summary>Builds the command for <paramref name="action"/> on the case, by the actor, from the body.</summary>
    /// <exception cref="ComplaintValidationException">The action is unknown, or the body does not hold the command's members.</exception>
    public ComplaintCommand Create(string action, ComplaintId caseId, Actor actor, JsonElement body, string? idempotencyKey = null, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actor);

        // Checked before it is written into the body: JSON refuses a null name there with an error of its own.
        Validation.Require.Actor(actor, nameof(ComplaintCommand.Actor));
        var entry = Find(action);
        var members = Members(body);
        if (entry.StepId is { } stepId)
        {
            if (members.Select(m => m.Key).FirstOrDefault(k => k is not ("input" or "reason")) is { } unknown)
            {
                throw new ComplaintValidationException("body." + unknown, $"is not a member of '{action}'; a custom step's action takes 'input' and 'reason'.");
            }

            if (members["reason"] is { } given && (given.GetValueKind() != JsonValueKind.String))
            {
                throw new ComplaintValidationException("body.reason", $"must be a string, but is {given.GetValueKind().ToString().ToLowerInvariant()}.");
            }

            return new CompleteStep
            {
                CaseId = caseId,
                Actor = actor,
                IdempotencyKey = idempotencyKey,
                ExpectedVersion = expectedVersion,
                StepId = stepId,
                SendBack = entry.SendBack?.Action,
                InputJson = members["input"] is { } input ? JsonSerializer.SerializeToElement(input, ComplaintJsonContext.Default.JsonNode) : null,
                Reason = members["reason"] is JsonValue reason && reason.TryGetValue<string>(out var text) ? text : null,
            };
        }

        members["caseId"] = caseId.ToString();
        members["actor"] = JsonSerializer.SerializeToNode(actor, ComplaintJsonContext.Default.Actor);
        members["idempotencyKey"] = idempotencyKey;
        members["expectedVersion"] = expectedVersion;
        try
        {
            return (ComplaintCommand)(members.Deserialize(Strict.GetTypeInfo(entry.CommandType))
                ?? throw new ComplaintValidationException("body", $"holds no '{action}' command."));
        }
        catch (JsonException exception)
        {
            throw new ComplaintValidationException(exception.Path is { Length: > 1 } path ? "body" + path[1..] : "body", $"cannot be read as a '{action}' command: {exception.Message}");
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ComplaintValidationException("body", $"cannot be read as a '{action}' command: {exception.Message}");
        }
    }

    private ActionCatalog.Entry Find(string action) => _process.Actions.Find(action)
        ?? throw new ComplaintValidationException("action", $"'{action}' is not an action of process {_process.Version}; its actions are: {string.Join(", ", _process.Actions.Entries.Select(e => e.Name))}.");

    private static JsonSerializerOptions CreateStrictOptions()
    {
        var options = new JsonSerializerOptions(ComplaintFlowJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly();
        return options;
    }

    private static JsonObject Members(JsonElement body)
    {
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ComplaintValidationException("body", $"must be a JSON object holding the command's members, but is {body.ValueKind.ToString().ToLowerInvariant()}.");
        }

        // A member given twice would be read as whichever came last (or, by JsonObject, thrown as an ArgumentException).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new ComplaintValidationException("body." + property.Name, "is given twice; give each member once.");
            }
        }

        var members = JsonObject.Create(body)!;
        foreach (var member in Envelope)
        {
            if (members.ContainsKey(member))
            {
                throw new ComplaintValidationException("body." + member, "must not be in the body: the case, the actor, the idempotency key and the expected version come with the request.");
            }
        }

        return members;
    }
}
