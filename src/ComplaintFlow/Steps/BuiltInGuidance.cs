using System.Collections.Immutable;

using ComplaintFlow.Process;

namespace ComplaintFlow.Steps;

/// <summary>The library's own playbook text for the built-in steps (PR-18). Written for ComplaintFlow, not quoted.</summary>
internal static class BuiltInGuidance
{
    private static readonly Dictionary<string, StepGuidance> Entries = new(StringComparer.Ordinal)
    {
        [StepIds.Acknowledge] = new(
            "Acknowledge and take ownership",
            "Let the customer know today that the complaint has reached a person who will see it through.",
            ["Thank the customer for raising it and apologise for the trouble.", "Name yourself (or a colleague) as the owner the customer can come back to.", "Say what happens next and when they will hear from you."],
            ["PR-01", "PR-04"]),
        [StepIds.Listen] = new(
            "Listen to the whole story",
            "Capture the customer's account in their own words before thinking about a fix.",
            ["Let the customer finish without interrupting or defending the company.", "Record what they said, and where they said it.", "Ask open questions until the underlying problem is clear, not just the first symptom."],
            ["PR-02", "PR-03"]),
        [StepIds.Validate] = new(
            "Check you understood",
            "Restate the problem in your own words and have the customer confirm it is right.",
            ["Summarise the problem and its impact on the customer.", "Ask plainly whether your summary is correct.", "If they correct you, go back and listen again."],
            ["PR-05"]),
        [StepIds.SeekResolution] = new(
            "Find a fair resolution",
            "Learn what the customer would like, then offer only what the company can actually deliver.",
            ["Ask what outcome would put things right for them and record it.", "Check the remedy can be delivered before offering it.", "Stay within your authority; if the fair remedy is beyond it, the case goes to someone who can approve it.", "Where it helps the relationship, add a goodwill gesture and offer an alternative."],
            ["PR-06", "PR-07", "PR-16", "PR-17"]),
        [StepIds.GainAgreement] = new(
            "Agree the resolution",
            "Explain the proposal and get the customer's clear yes before acting on it.",
            ["Explain what will happen, by when, and why this is the offer.", "Record the customer's answer and the channel they gave it on.", "If they decline, ask what they would consider fair; do not argue."],
            ["PR-08", "PR-09"]),
        [StepIds.Fulfil] = new(
            "Deliver what was agreed",
            "Carry out the agreed remedy quickly and record exactly what was done.",
            ["Do what was promised, no less.", "Keep a reference (refund id, shipment number) for the record.", "Tell the customer it is done."],
            ["PR-12"]),
        [StepIds.FollowUp] = new(
            "Follow up",
            "Check back with the customer after the fix to confirm the problem is really solved.",
            ["Ask whether the outcome worked for them and how satisfied they are.", "Thank them for their patience.", "If they are still unhappy, reopen and listen again."],
            ["PR-14", "PR-18"]),
        [StepIds.Closed] = new(
            "Closed",
            "The case is finished; it can be reopened for a while if the problem returns.",
            [],
            ["PR-14"]),
        [StepIds.Withdrawn] = new(
            "Withdrawn",
            "The customer withdrew the complaint; the history is kept.",
            [],
            []),
    };

    public static StepGuidance For(string stepId) =>
        Entries.TryGetValue(stepId, out var guidance)
            ? guidance
            : throw new ArgumentOutOfRangeException(nameof(stepId), stepId, "Not a built-in step.");

    public static bool IsBuiltInStep(string stepId) => Entries.ContainsKey(stepId) && stepId is not (StepIds.Closed or StepIds.Withdrawn);

    public static ImmutableArray<string> DefaultOrder { get; } =
        [StepIds.Acknowledge, StepIds.Listen, StepIds.Validate, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp];
}
