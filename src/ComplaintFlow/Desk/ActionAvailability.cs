using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// Which actions would pass now, for an actor on a case, decided by the same code the commands run and in the same
/// order: the process (its routes and their guards), then the tiers, roles, step performers and escalation protection,
/// then the app's authorization policies (asked without a command), then a custom step's check of the actor and the case
/// (<c>CheckReady</c>). Nothing is changed. Checks that depend on what a
/// command says (its amounts, the step's check of its input, the feasibility of its remedy) are made when it runs.
/// </summary>
internal sealed class ActionAvailability(ComplaintProcess process, AuthorityRules authority, IComplaintAuthorizationPolicy[] policies, PipelineSettings settings)
{
    // Each action's input schema under this desk's rules, made once: the process's, less what the rules always refuse.
    private readonly ConcurrentDictionary<string, JsonElement> _schemas = new();

    public async ValueTask<IReadOnlyList<AvailableAction>> ForAsync(ComplaintCase complaint, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var guard = settings.GuardAt(now);
        IReadOnlyList<string> permitted;
        var machine = process.Machines.Rent();
        try
        {
            // The permitted triggers come from the Stateless machine, which a test holds equal to the commands' router.
            permitted = await machine.GetPermittedTriggersAsync(complaint, guard).ConfigureAwait(false);
        }
        finally
        {
            process.Machines.Return(machine);
        }

        var catalog = process.Actions;
        var actions = new List<AvailableAction>(catalog.Entries.Count);
        foreach (var entry in catalog.Entries)
        {
            var refusal = await RefusalAsync(entry, complaint, actor, guard, permitted, cancellationToken).ConfigureAwait(false);
            actions.Add(new AvailableAction(entry.Name, entry.Command, entry.CommandType, entry.StepId, SchemaOf(entry), refusal is null, refusal));
        }

        return actions;
    }

    private JsonElement SchemaOf(ActionCatalog.Entry entry) =>
        entry.StepId is not null ? entry.InputSchema : _schemas.GetOrAdd(entry.Name, static (_, state) =>
        {
            var blank = (ComplaintCommand)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(state.Entry.CommandType);
            var schema = JsonNode.Parse(state.Entry.InputSchema.GetRawText())!.AsObject();
            return blank.NarrowInputSchema(schema, state.Ends) ? JsonSerializer.SerializeToElement(schema, ComplaintJsonContext.Default.JsonNode) : state.Entry.InputSchema;
        }, (Entry: entry, settings.Ends));

    private async ValueTask<string?> RefusalAsync(ActionCatalog.Entry entry, ComplaintCase complaint, Actor actor, GuardContext guard, IReadOnlyList<string> permitted, CancellationToken cancellationToken)
    {
        // Where the case alone decides the trigger, only that one counts, and a refusal is explained by its route.
        string[] candidates = entry.TriggerChooser?.TriggerFor(new TriggerContext(process, complaint, settings.MaxUnansweredFollowUps)) is { } chosen ? [chosen] : entry.Triggers;
        var trigger = candidates.FirstOrDefault(permitted.Contains);
        if (trigger is null)
        {
            process.Router.TryResolve(complaint, candidates[0], guard, out _, out var notPermitted);
            return notPermitted.Message;
        }

        var route = process.Router.Resolve(complaint, trigger, guard);
        var open = complaint.Version == 0 ? null : complaint;
        if (authority.Refusal(actor, entry.Name, open, route.OwnedByStep ? process.GetFacts(route.From).PerformedBy : null) is { } missing)
        {
            return new ComplaintAuthorizationException(actor.Id, entry.Name, missing).Message;
        }

        if (await AppAuthorization.MissingAuthorityAsync(policies, actor, entry.Name, open, null, cancellationToken).ConfigureAwait(false) is { } missingByApp)
        {
            return new ComplaintAuthorizationException(actor.Id, entry.Name, missingByApp).Message;
        }

        // A custom step's own check of the actor and the case, as the command makes it before reading its input.
        return entry.StepId is { } stepId && process.FindCustomStep(stepId) is { } step
            ? CompleteStep.Refusal(step.ReadyFor(complaint, actor), complaint, actor, entry.Name)?.Message
            : null;
    }
}
