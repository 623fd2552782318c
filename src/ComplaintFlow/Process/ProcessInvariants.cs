using ComplaintFlow.Steps;
using System.Text.RegularExpressions;

namespace ComplaintFlow.Process;

/// <summary>The rules every process definition must keep, so the practices hold by construction.</summary>
internal static partial class ProcessInvariants
{
    private static readonly string[] Required = [StepIds.Acknowledge, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp];

    public static void Check(IReadOnlyList<ProcessStepNode> steps)
    {
        var ids = steps.Select(s => s.Id).ToList();

        var duplicate = ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Refuse(duplicate is not null, $"Step '{duplicate?.Key}' appears more than once; step ids must be unique.");

        foreach (var node in steps.Where(s => s.Custom is not null))
        {
            CheckCustomStep(node.Custom!, steps);
        }

        foreach (var id in Required)
        {
            // Custom steps cannot take a built-in id, so a missing id means the step was removed or replaced.
            Refuse(!ids.Contains(id), $"The process needs the built-in '{id}' step, but it was removed or replaced. The invariants depend on its behaviour: add requirements or guidance to it instead.");
        }

        Refuse(ids[0] != StepIds.Acknowledge, $"Acknowledge must be the first step (PR-01), but the process starts with '{ids[0]}'.");
        Refuse(ids[^1] != StepIds.FollowUp, $"Follow-up must be the last step (PR-14), but the process ends with '{ids[^1]}'.");
        Refuse(
            !(ids.IndexOf(StepIds.SeekResolution) < ids.IndexOf(StepIds.GainAgreement) && ids.IndexOf(StepIds.GainAgreement) < ids.IndexOf(StepIds.Fulfil)),
            "Seek-resolution must come before gain-agreement, and gain-agreement before fulfil: nothing is fulfilled without the customer's agreement to a proposal (PR-08).");

        var validate = ids.IndexOf(StepIds.Validate);
        var listen = ids.IndexOf(StepIds.Listen);
        Refuse(validate >= 0 && listen != validate - 1, "Validate must directly follow listen: the paraphrase restates what the customer said, and a correction returns to listening (PR-05).");
        Refuse(listen > ids.IndexOf(StepIds.SeekResolution), "Listen must come before seek-resolution: hear the customer out before proposing anything (PR-02).");

        var actions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            CheckFacts(steps[i], i, ids, actions);
        }
    }

    private static void CheckFacts(ProcessStepNode node, int index, List<string> ids, HashSet<string> actions)
    {
        var facts = node.Facts;
        var builtIn = node.Custom is null;
        // Null or default members of the facts fail here, named, not as a NullReferenceException further down.
        Refuse(facts.SendBacks.IsDefault || facts.SendBacks.Any(s => s is null || s.Action is null || s.ToStep is null), $"Step '{node.Id}' has a send-back that is null or lacks its action or target step.");
        Refuse(facts.Clocks.IsDefault || facts.Clocks.Any(r => r is null), $"Step '{node.Id}' has a clock rule that is null.");
        Refuse(facts.PerformedBy is { Roles: var roles } && !roles.IsDefault && roles.Any(string.IsNullOrWhiteSpace), $"Step '{node.Id}' is performed by a role with no name.");

        Refuse(builtIn && facts.AppliesWhen is not null, $"Built-in step '{node.Id}' cannot be made conditional: every complaint is owed what it does. Put the condition on a custom step.");
        var required = BuiltInFacts.For(node.Id).SendBacks;
        Refuse(builtIn && required.Any(r => !facts.SendBacks.Contains(r)), $"Built-in step '{node.Id}' must keep its send-back{(required.Length == 1 ? string.Empty : "s")} ({string.Join(", ", required.Select(r => $"'{r.Action}' to '{r.ToStep}'"))}): the practices rely on it.");
        Refuse(builtIn && facts.SendBacks.Length > required.Length, $"Built-in step '{node.Id}' cannot take new send-backs: a send-back needs an action of its own, so add a custom step that sends the case back.");
        Refuse(facts.PerformedBy is { } who && who.Roles.IsDefaultOrEmpty && who.MinimumTier is null, $"Step '{node.Id}' says who performs it but names no role and no tier.");

        foreach (var sendBack in builtIn ? [] : facts.SendBacks)
        {
            var target = ids.IndexOf(sendBack.ToStep);
            Refuse(target < 0, $"Step '{node.Id}' sends cases back to '{sendBack.ToStep}', which is not a step of the process. Its steps are: {string.Join(", ", ids)}.");
            Refuse(target >= index, $"Step '{node.Id}' sends cases back to '{sendBack.ToStep}', which does not come before it; a send-back must go to an earlier step.");
            Refuse(target == 0, $"Step '{node.Id}' sends cases back to '{sendBack.ToStep}'; a case cannot go back before its acknowledgement (PR-01).");
            Refuse(sendBack.ToStep == StepIds.GainAgreement, $"Step '{node.Id}' sends cases back to '{StepIds.GainAgreement}', but a send-back there sets the agreed proposal aside and leaves nothing for the customer to decide; send it back to '{StepIds.SeekResolution}', where a new proposal can be made (PR-08).");

            // Between seek-resolution and gain-agreement the case would go on to gain-agreement with the proposal set aside.
            Refuse(
                target > ids.IndexOf(StepIds.SeekResolution) && target < ids.IndexOf(StepIds.GainAgreement) && index > ids.IndexOf(StepIds.GainAgreement),
                $"Step '{node.Id}' sends cases back to '{sendBack.ToStep}', between '{StepIds.SeekResolution}' and '{StepIds.GainAgreement}': the send-back sets the agreed proposal aside, and the case would then reach '{StepIds.GainAgreement}' with nothing for the customer to decide; send it back to '{StepIds.SeekResolution}' or earlier (PR-08).");
            Refuse(!StepIdPattern().IsMatch(sendBack.Action) || IsBuiltInAction(sendBack.Action), $"Send-back action '{sendBack.Action}' of step '{node.Id}' must be lower-case letters, digits and single hyphens, and not a built-in action name.");
            Refuse(string.IsNullOrWhiteSpace(sendBack.Description), $"Send-back '{sendBack.Action}' of step '{node.Id}' needs a description.");
        }

        foreach (var action in node.Custom is { } custom ? [custom.CompletionAction, .. facts.SendBacks.Select(s => s.Action)] : Array.Empty<string>())
        {
            Refuse(!actions.Add(action), $"Action '{action}' is used by more than one custom step or send-back; each must be unique.");
        }

        foreach (var rule in facts.Clocks)
        {
            Refuse(string.IsNullOrWhiteSpace(rule.Clock), $"Step '{node.Id}' has a clock rule without a clock name.");
            Refuse(!Enum.IsDefined(rule.Action) || !Enum.IsDefined(rule.When), $"Step '{node.Id}' has a clock rule for '{rule.Clock}' with an action or a moment that is not defined ({(int)rule.Action}, {(int)rule.When}).");
        }
    }

    private static void CheckCustomStep(ComplaintStep step, IReadOnlyList<ProcessStepNode> steps)
    {
        Refuse(step.Id.Length > 40 || !StepIdPattern().IsMatch(step.Id), $"Custom step id '{step.Id}' must be lower-case letters, digits and single hyphens, starting with a letter, at most 40 characters.");
        Refuse(BuiltInGuidance.IsBuiltInStep(step.Id) || step.Id is StepIds.Closed or StepIds.Withdrawn or StepIds.Open, $"Custom step id '{step.Id}' is reserved for the built-in process.");
        Refuse(!StepIdPattern().IsMatch(step.CompletionAction), $"Completion action '{step.CompletionAction}' of step '{step.Id}' must be lower-case letters, digits and single hyphens.");
        Refuse(IsBuiltInAction(step.CompletionAction), $"Completion action '{step.CompletionAction}' of step '{step.Id}' is a built-in action name; choose another.");
        Refuse(steps.Count(s => s.Custom?.CompletionAction == step.CompletionAction) > 1, $"Completion action '{step.CompletionAction}' is used by more than one custom step.");
    }

    // The desk's own actions too: they are no routes, but the authority rules know them by name ("open" is open to all).
    private static bool IsBuiltInAction(string action) =>
        action is Triggers.PassOver or OpenCase.OpenAction or RecordDueClocks.DueAction or ComplaintDesk.ListActionsAction
        || typeof(ComplaintActions).GetFields().Any(f => (string?)f.GetValue(null) == action);

    private static void Refuse(bool broken, string message)
    {
        if (broken)
        {
            throw new ComplaintProcessDefinitionException(message);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex StepIdPattern();
}
