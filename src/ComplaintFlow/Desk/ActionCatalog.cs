using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;
using ComplaintFlow.Steps;

namespace ComplaintFlow;

/// <summary>
/// Every action of a process: its name, its command, the triggers it may fire and the JSON schema of its input. Built
/// once per process from its routes, so a custom step's actions and send-backs appear with the built-in ones.
/// </summary>
internal sealed class ActionCatalog
{
    private static readonly string[] Envelope = ["caseId", "actor", "idempotencyKey", "expectedVersion"];
    private static readonly ConcurrentDictionary<Type, JsonElement> CommandSchemas = new();

    public ActionCatalog(ComplaintProcess process)
    {
        var actions = new List<Entry>();
        // Each step's own actions first, in process order, then those open in every step: the order a UI offers them in.
        foreach (var route in process.Routes.Where(r => !Triggers.IsInternal(r.Trigger)).OrderBy(r => r.OwnedByStep ? 0 : 1))
        {
            var name = Triggers.ToAction(route.Trigger);
            var existing = actions.FindIndex(a => a.Name == name);
            if (existing >= 0)
            {
                actions[existing] = actions[existing] with { Triggers = [.. actions[existing].Triggers.Union([route.Trigger])] };
                continue;
            }

            actions.Add(Describe(process, route, name));
        }

        Entries = actions;
    }

    public IReadOnlyList<Entry> Entries { get; }

    public Entry? Find(string action) => Entries.FirstOrDefault(e => e.Name == action);

    private static Entry Describe(ComplaintProcess process, ProcessRoute route, string name)
    {
        // The process's facts of the step, as its routes were built from: ConfigureStep may have changed the class's own.
        var sendBacks = process.GetFacts(route.From).SendBacks;
        if (process.FindCustomStep(route.From) is { } step && (route.Trigger == step.CompletionAction || sendBacks.Any(s => s.Action == route.Trigger)))
        {
            var sendBack = sendBacks.FirstOrDefault(s => s.Action == route.Trigger);
            return new Entry(name, ComplaintActions.CompleteStep, typeof(CompleteStep), step.Id, sendBack, [route.Trigger], StepSchema(step, sendBack));
        }

        var type = ComplaintCommandTypes.ByName[name];
        // A blank command of the type, kept only when it can tell from a case which of its triggers it takes.
        var blank = (ComplaintCommand)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        return new Entry(name, name, type, null, null, [route.Trigger], CommandSchemas.GetOrAdd(type, CommandSchema)) { TriggerChooser = blank.CaseChoosesTrigger ? blank : null };
    }

    /// <summary>The command's schema without the members the request itself supplies (the case, the actor, the headers).</summary>
    private static JsonElement CommandSchema(Type type)
    {
        var schema = ComplaintJsonContext.Default.GetTypeInfo(type)!.GetJsonSchemaAsNode(ComplaintFlowJson.SchemaOptions).AsObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var member in Envelope)
            {
                properties.Remove(member);
            }
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var member in required.Where(r => Envelope.Contains(r?.GetValue<string>())).ToList())
            {
                required.Remove(member);
            }
        }

        return JsonSerializer.SerializeToElement(schema, ComplaintJsonContext.Default.JsonNode);
    }

    private static JsonElement StepSchema(ComplaintStep step, StepSendBack? sendBack)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["input"] = step.InputSchema(),
                ["reason"] = new JsonObject { ["type"] = sendBack is null ? new JsonArray("string", "null") : "string" },
            },
            ["required"] = sendBack is null ? new JsonArray("input") : new JsonArray("reason"),
        };
        return JsonSerializer.SerializeToElement(schema, ComplaintJsonContext.Default.JsonNode);
    }

    /// <summary>One action: what to send, and which triggers it fires (one, or one per outcome such as a follow-up's).</summary>
    internal sealed record Entry(string Name, string Command, Type CommandType, string? StepId, StepSendBack? SendBack, string[] Triggers, JsonElement InputSchema)
    {
        /// <summary>A blank command whose trigger the case alone decides (see <see cref="ComplaintCommand.CaseChoosesTrigger"/>).</summary>
        public ComplaintCommand? TriggerChooser { get; init; }
    }
}
