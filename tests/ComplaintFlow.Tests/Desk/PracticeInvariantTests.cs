using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Desk;

/// <summary>The practices the process enforces by construction, one or more tests per practice id.</summary>
public sealed class PracticeInvariantTests
{
    [Fact]
    public async Task SubmitParaphrase_WithoutAnyStatement_IsRefusedCitingPR02()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        var before = await t.StoredStateAsync(c.Id);

        var act = () => t.Desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Actors.Agent, Text = "You want a refund." }).AsTask();

        var error = (await act.Should().ThrowAsync<ActionNotPermittedException>()).Which;
        error.Step.Should().Be(StepIds.Listen);
        error.Action.Should().Be(ComplaintActions.SubmitParaphrase);
        error.UnmetRequirements.Should().ContainSingle().Which.Should().Contain("PR-02");
        error.PermittedActions.Should().Contain([ComplaintActions.RecordStatement, ComplaintActions.RecordClarification]).And.NotContain(ComplaintActions.SubmitParaphrase);
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Acknowledge_NamesAnOwner_PR04()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        c.Owner.Should().BeNull();

        var act = () => t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = null! }).AsTask();
        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Owner");

        c = await t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Supervisor, Owner = Actors.Agent });
        c.Owner.Should().Be(Actors.Agent);
        c.AcknowledgedAt.Should().Be(TestDesk.Start);
        c.ThankedAndApologised.Should().BeTrue();
    }

    [Fact]
    public async Task Acknowledge_OwnerWithUnknownTier_IsRefused_PR04()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var act = () => t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = new Actor("z", "Zed", "intern") }).AsTask();
        // The owner is a field of the command, not the actor acting: its tier is a bad field, not a missing authority.
        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Should().Match<ComplaintValidationException>(e => e.Field == "Owner.Tier" && e.Message.Contains("'intern'"));
    }

    [Fact]
    public async Task Propose_BeforeParaphraseConfirmed_IsNotPossible_PR05()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Validate);

        var act = () => t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Refund, Details = "Money back" }).AsTask();
        (await act.Should().ThrowAsync<ActionNotPermittedException>()).Which.PermittedActions.Should().Contain([ComplaintActions.ConfirmParaphrase, ComplaintActions.CorrectParaphrase]);

        c = await t.Desk.ExecuteAsync(new CorrectParaphrase { CaseId = c.Id, Actor = Actors.Agent, Correction = "It was not late, it was the wrong colour." });
        c.Step.Should().Be(StepIds.Listen, "a correction sends the agent back to listening (PR-05)");
        c.Paraphrase!.Status.Should().Be(ParaphraseStatus.Corrected);
    }

    [Fact]
    public async Task Propose_WithoutDesiredOutcome_IsRefused_PR06()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);

        var act = () => t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(5)], Explanation = "A small credit." }).AsTask();

        (await act.Should().ThrowAsync<ActionNotPermittedException>()).Which.UnmetRequirements.Should().ContainSingle().Which.Should().Contain("PR-06");
    }

    [Fact]
    public async Task Propose_AboveTheAgentsAuthority_EscalatesInsteadOfPromising_PR07()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Refund, Details = "Full refund" });

        c = await t.Desk.ExecuteAsync(OverLimitProposal(c.Id, Actors.Agent));

        c.Step.Should().Be(StepIds.SeekResolution, "nothing was promised to the customer");
        c.Proposals.Should().BeEmpty();
        c.Tier.Should().Be("supervisor", "the most junior tier that can approve GBP 120 (PR-10)");
        var escalated = (await t.Desk.GetHistoryAsync(c.Id))[^1].Data.Should().BeOfType<ComplaintEscalated>().Which;
        escalated.Cause.Should().Be("remedy-beyond-authority:supervisor");
        escalated.Reason.Should().Contain("GBP 120.00").And.Contain("'agent' limit of GBP 100.00");
        escalated.CustomerExplanation.Should().NotBeNullOrWhiteSpace();

        // The supervisor may commit it.
        c = await t.Desk.ExecuteAsync(OverLimitProposal(c.Id, Actors.Supervisor));
        c.Step.Should().Be(StepIds.GainAgreement);
        c.LatestProposal!.ProposedBy.Should().Be(Actors.Supervisor);
    }

    [Fact]
    public async Task Propose_AboveAuthorityWithTheEscalationPolicyOff_IsRefusedAndNamesTheTierThatCanApprove_PR07()
    {
        using var t = new TestDesk(options: o => o.Escalation.RemedyBeyondAuthority.Enabled = false);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Refund, Details = "Full refund" });
        var before = await t.StoredStateAsync(c.Id);

        var act = () => t.Desk.ExecuteAsync(OverLimitProposal(c.Id, Actors.Agent)).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintAuthorizationException>()).Which;
        error.ActorId.Should().Be(Actors.Agent.Id);
        error.Action.Should().Be(ComplaintActions.Propose);
        error.MissingAuthority.Should().Contain("GBP 120.00").And.Contain("'supervisor'").And.Contain("PR-07");
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }

    private static ProposeResolution OverLimitProposal(ComplaintId id, Actor actor) => new()
    {
        CaseId = id,
        Actor = actor,
        Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(80m, "GBP")), new Remedy(RemedyKind.Goodwill, "Voucher", new Money(40m, "GBP"))],
        Explanation = "Refund plus a voucher",
    };

    [Fact]
    public async Task Propose_InACurrencyTheTierHasNoLimitIn_IsRefused_PR07()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Refund, Details = "Refund" });

        var act = () => t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Manager, Remedies = [CaseDriver.Credit(1, "JPY")], Explanation = "x" }).AsTask();

        (await act.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.MissingAuthority.Should().Contain("nothing in JPY").And.Contain("no configured tier");
    }

    [Fact]
    public async Task Propose_RefusedByTheAppsFeasibilityCheck_IsNotPromised_PR07()
    {
        using var t = new TestDesk(b => b.UseFeasibilityCheck<NoReplacementsInStock>());
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Replacement, Details = "A new one" });
        var before = await t.StoredStateAsync(c.Id);

        var act = () => t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [new Remedy(RemedyKind.Replacement, "New kettle")], Explanation = "Replacement" }).AsTask();

        (await act.Should().ThrowAsync<RemedyNotFeasibleException>()).Which.Reason.Should().Contain("out of stock");
        (await t.StoredStateAsync(c.Id)).Should().Be(before);

        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [new Remedy(RemedyKind.Repair, "Free repair")], Explanation = "Repair while stock is out" });
        c.Step.Should().Be(StepIds.GainAgreement);
    }

    [Fact]
    public async Task RecordFulfilment_WithoutAcceptance_IsImpossible_PR08()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        var act = () => t.Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Actors.Agent, Description = "Sent it anyway" }).AsTask();

        var error = (await act.Should().ThrowAsync<ActionNotPermittedException>()).Which;
        error.Step.Should().Be(StepIds.GainAgreement);
        error.PermittedActions.Should().Contain([ComplaintActions.Accept, ComplaintActions.Reject]);
    }

    [Fact]
    public async Task Accept_OfAnEarlierProposal_IsRefused_PR08()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1, CounterSuggestion = "More" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(30)], Explanation = "More credit" });
        var before = await t.StoredStateAsync(c.Id);

        var act = () => t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1 }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which;
        error.Field.Should().Be("ProposalNumber");
        error.Reason.Should().Contain("number 2").And.Contain("PR-08");
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Reject_KeepsTheCounterSuggestionAndReturnsToSeekResolution_PR09()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1, CounterSuggestion = "Half the price back would be fair", Channel = Channel.Chat });

        c.Step.Should().Be(StepIds.SeekResolution);
        c.LatestProposal!.Status.Should().Be(ProposalStatus.Rejected);
        c.Decisions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ProposalNumber = 1, Accepted = false, CounterSuggestion = "Half the price back would be fair", Channel = Channel.Chat });
        c.DesiredOutcome.Should().NotBeNull("the customer's wish is kept for the next proposal");
    }

    [Fact]
    public async Task Close_OnlyThroughFollowUpOrAuthorisedWaiver_PR14()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);
        var before = await t.StoredStateAsync(c.Id);

        var agentWaiver = () => t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Agent, Reason = "Busy" }).AsTask();
        var error = (await agentWaiver.Should().ThrowAsync<ComplaintAuthorizationException>()).Which;
        error.MissingAuthority.Should().Contain("'supervisor' or above");
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Agent)).Should().NotContain(ComplaintActions.WaiveFollowUp);
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Supervisor)).Should().Contain(ComplaintActions.WaiveFollowUp);

        c = await t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Supervisor, Reason = "Customer asked not to be contacted again." });
        c.Step.Should().Be(StepIds.Closed);
        c.FollowUpWaiver!.WaivedBy.Should().Be(Actors.Supervisor);
    }

    [Theory]
    [InlineData(StepIds.Acknowledge)]
    [InlineData(StepIds.Listen)]
    [InlineData(StepIds.Validate)]
    [InlineData(StepIds.SeekResolution)]
    [InlineData(StepIds.GainAgreement)]
    [InlineData(StepIds.Fulfil)]
    public async Task Close_FromAnyStepBeforeFollowUp_IsImpossible_PR14(string step)
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), step);

        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Manager)).Should().NotContain([ComplaintActions.WaiveFollowUp, ComplaintActions.RecordFollowUp]);
        var act = () => t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Manager, Reason = "Skip" }).AsTask();
        await act.Should().ThrowAsync<ActionNotPermittedException>();
    }

    private sealed class NoReplacementsInStock : IRemedyFeasibilityCheck
    {
        public ValueTask<FeasibilityResult> CheckAsync(ComplaintCase complaint, IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken) =>
            ValueTask.FromResult(remedies.Any(r => r.Kind == RemedyKind.Replacement) ? FeasibilityResult.NotFeasible("That model is out of stock until May.") : FeasibilityResult.Feasible);
    }
}
