using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>
/// The single description of how cases move through a process definition. Both the Stateless machine
/// (<see cref="ProcessMachine"/>) and the command-time router (<see cref="ProcessRouter"/>) are built from it, so the two
/// cannot disagree; a test fires both side by side to prove it. Each step's own actions come from what the step is
/// (its built-in actions, or a custom step's completing action) and from its facts: its send-backs, and the pass-over
/// route of a step that applies only to some cases.
/// </summary>
internal static class ProcessRoutes
{
    private static readonly RouteGuard HasStatement = new("at least one statement of the customer's own account (PR-02)", static (c, _) => c.Statements.Length > 0);
    private static readonly RouteGuard HasDesiredOutcome = new("the customer's desired outcome, captured first (PR-06)", static (c, _) => c.DesiredOutcome is not null);
    private static readonly RouteGuard HasOpenProposalToAccept = new("an open proposal awaiting the customer's decision (PR-08)", static (c, _) => c.LatestProposal is { Status: ProposalStatus.Open });
    private static readonly RouteGuard HasOpenProposalToReject = new("an open proposal awaiting the customer's decision (PR-09)", static (c, _) => c.LatestProposal is { Status: ProposalStatus.Open });
    private static readonly RouteGuard HasAgreedOrOffered = new("the customer's acceptance of the latest proposal, or a final response's offer (PR-08, PR-17)", static (c, _) => c.AgreedOrOffered is not null);
    private static readonly RouteGuard NoFinalResponseThisRound = new("no final answer yet in this round (one per round; reopen the case for another)", static (c, _) => !c.CommunicationsThisRound.Any(m => Outcomes.CaseEndRules.IsFinalAnswer(m.Kind)));

    // The same condition for the outcome, explained by the answer that told the customer, so the refusal says what to do.
    private static readonly RouteGuard OutcomeNotYetStated = NoFinalResponseThisRound with
    {
        Description = "an outcome not yet stated to the customer in this round's final answer (reopen the case to decide again)",
        Explain = static (c, _) =>
        {
            var told = c.CommunicationsThisRound.First(m => Outcomes.CaseEndRules.IsFinalAnswer(m.Kind));
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the outcome was stated to the customer in the {Outcomes.CaseEndRules.Name(told.Kind)} of {told.SentAt:yyyy-MM-dd}; reopen the case to decide again");
        },
    };

    // Which of the two a follow-up attempt takes depends on the case alone, so the process permits only that one.
    private static readonly RouteGuard AttemptLeavesItOpen = new("fewer unanswered follow-up attempts than the limit after this one", static (c, g) => c.UnansweredFollowUps + 1 < g.MaxUnansweredFollowUps);
    private static readonly RouteGuard LastAttempt = new("the last unanswered follow-up attempt the limit allows", static (c, g) => c.UnansweredFollowUps + 1 >= g.MaxUnansweredFollowUps);

    // Closing waits for what the preset requires to be sent, and for a reason when less was paid than agreed.
    private static readonly RouteGuard ReadyToClose = new("every communication the preset requires, sent (PR-17)", static (c, g) => g.Ends is null || g.Ends.MissingToClose(c, g.Now).Count == 0)
    {
        Explain = static (c, g) => string.Join("; ", g.Ends!.MissingToClose(c, g.Now)),
    };
    private static readonly RouteGuard WithinReopenWindow = new("a close within the configured reopen window", static (c, g) => c.ClosedAt is { } closedAt && g.Now - closedAt <= g.ReopenWindow);
    private static readonly RouteGuard IsEscalated = new("a case escalated above the junior tier or given to a team (PR-11)", static (c, g) => c.Tier != g.JuniorTier || c.Team is not null);

    /// <summary>Guards a built-in send-back needs besides its step, by action.</summary>
    private static readonly Dictionary<string, RouteGuard[]> SendBackGuards = new(StringComparer.Ordinal)
    {
        [ComplaintActions.Reject] = [HasOpenProposalToReject],
    };

    public static ImmutableArray<ProcessRoute> For(IReadOnlyList<ProcessStepNode> steps, string reopenTarget)
    {
        var routes = ImmutableArray.CreateBuilder<ProcessRoute>();
        void Move(string from, string trigger, string to, params RouteGuard[] guards) => routes.Add(new ProcessRoute(from, trigger, to, [.. guards]));
        void Stay(string state, string trigger, params RouteGuard[] guards) => routes.Add(new ProcessRoute(state, trigger, state, [.. guards]));
        void Anywhere(string trigger, string to, params RouteGuard[] guards) => routes.Add(new ProcessRoute(StepIds.Open, trigger, to, [.. guards], OwnedByStep: false));

        Anywhere(ComplaintActions.Withdraw, StepIds.Withdrawn);
        foreach (var action in (string[])[ComplaintActions.AddNote, ComplaintActions.Reassign, ComplaintActions.RecordCustomerUpdate, ComplaintActions.SetSeverity, ComplaintActions.SetFlags, ComplaintActions.SetCategories, ComplaintActions.RecordManagerRequest])
        {
            Anywhere(action, StepIds.Open);
        }

        Anywhere(ComplaintActions.HandBack, StepIds.Open, IsEscalated);
        Anywhere(ComplaintActions.RecordOutcome, StepIds.Open, OutcomeNotYetStated);
        Anywhere(ComplaintActions.RecordCommunication, StepIds.Open);

        // A final response ends the search for agreement: an offer is carried out (from the step after agreement, where a
        // conditional step is passed over when it does not apply), then followed up; with nothing offered, straight to follow-up.
        var afterAgreement = NextAfter(steps, StepIds.GainAgreement);
        void FinalResponse(string from, RouteGuard[] requirements)
        {
            Move(from, Triggers.FinalResponseWithOffer, afterAgreement, [NoFinalResponseThisRound, .. requirements]);
            Move(from, Triggers.FinalResponseWithoutOffer, StepIds.FollowUp, [NoFinalResponseThisRound, .. requirements]);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var node = steps[i];
            var id = node.Id;
            var next = i + 1 < steps.Count ? steps[i + 1].Id : StepIds.Closed;
            // A completion requirement holds on every way forward out of the step, not only its usual completion: a final
            // response from seek-resolution or gain-agreement, and a waived or unreachable follow-up, complete it too.
            // Withdrawal (the customer's choice), send-backs and reopening do not complete it.
            RouteGuard[] extra = [.. node.Requirements.Select(r => new RouteGuard(r.Description, (c, _) => r.IsMet(c)))];

            switch (node.Custom is null ? id : null)
            {
                case StepIds.Acknowledge:
                    Move(id, ComplaintActions.Acknowledge, next, extra);
                    break;
                case StepIds.Listen:
                    Stay(id, ComplaintActions.RecordStatement);
                    Stay(id, ComplaintActions.RecordClarification);
                    Move(id, ComplaintActions.SubmitParaphrase, next, [HasStatement, .. extra]);
                    break;
                case StepIds.Validate:
                    Move(id, ComplaintActions.ConfirmParaphrase, next, extra);
                    break;
                case StepIds.SeekResolution:
                    Stay(id, ComplaintActions.CaptureDesiredOutcome);
                    Move(id, ComplaintActions.Propose, next, [HasDesiredOutcome, .. extra]);
                    FinalResponse(id, extra);
                    break;
                case StepIds.GainAgreement:
                    Move(id, ComplaintActions.Accept, next, [HasOpenProposalToAccept, .. extra]);
                    FinalResponse(id, extra);
                    break;
                case StepIds.Fulfil:
                    Move(id, ComplaintActions.RecordFulfilment, next, [HasAgreedOrOffered, .. extra]);
                    Stay(id, ComplaintActions.RecordRedress, HasAgreedOrOffered);
                    break;
                case StepIds.FollowUp:
                    Move(id, Triggers.FollowUpSatisfied, StepIds.Closed, [ReadyToClose, .. extra]);
                    Move(id, Triggers.FollowUpUnsatisfied, reopenTarget);
                    Move(id, ComplaintActions.WaiveFollowUp, StepIds.Closed, [ReadyToClose, .. extra]);
                    Stay(id, ComplaintActions.RecordFollowUpAttempt, AttemptLeavesItOpen);
                    Move(id, Triggers.FollowUpUnreachable, StepIds.Closed, [LastAttempt, ReadyToClose, .. extra]);
                    Stay(id, ComplaintActions.RecordRedress, HasAgreedOrOffered);
                    break;
                default:
                    Move(id, node.Custom!.CompletionAction, next, extra);
                    break;
            }

            foreach (var sendBack in node.Facts.SendBacks)
            {
                Move(id, sendBack.Action, sendBack.ToStep, SendBackGuards.GetValueOrDefault(sendBack.Action) ?? []);
            }

            if (node.Facts.AppliesWhen is { } condition)
            {
                Move(id, Triggers.PassOver, next, new RouteGuard($"'{id}' does not apply to the case (it applies only when {condition.Description})", (c, _) => !condition.Applies(c)));
            }
        }

        Move(StepIds.Closed, ComplaintActions.Reopen, reopenTarget, WithinReopenWindow);
        Stay(StepIds.Closed, ComplaintActions.AddNote);
        Stay(StepIds.Closed, ComplaintActions.RecordRedress, HasAgreedOrOffered);
        Stay(StepIds.Withdrawn, ComplaintActions.AddNote);
        return routes.ToImmutable();
    }

    private static string NextAfter(IReadOnlyList<ProcessStepNode> steps, string step)
    {
        for (var i = 0; i < steps.Count - 1; i++)
        {
            if (steps[i].Id == step)
            {
                return steps[i + 1].Id;
            }
        }

        return StepIds.FollowUp;
    }
}
