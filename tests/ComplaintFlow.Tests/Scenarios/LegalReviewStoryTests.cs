using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Scenarios;

/// <summary>
/// A back office adds a conditional legal review before fulfilment, performed by a legal role and timed by its own
/// clock, configured through dependency injection only (PR-08, PR-10, PR-17, PR-22).
/// </summary>
public sealed class LegalReviewStoryTests
{
    private static readonly Actor Lawyer = new("l-001", "Jo Counsel", null) { Roles = [LegalReviewStep.Role] };

    private static TestDesk NewDesk() => new(b => b.ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new LegalReviewStep())), LegalReviewStep.AddClock);

    [Fact]
    public async Task LargeRefund_DeclinedByLegal_ThenReAgreedAndApproved_Closes()
    {
        using var t = NewDesk();
        var desk = t.Desk;
        var manager = Actors.Manager;
        var c = await desk.DriveToAsync(await t.OpenAsync(manager), StepIds.SeekResolution, manager);
        c = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = manager, Kind = RemedyKind.Refund, Details = "All my money back." });

        // The manager agrees a £1,500 refund with the customer: over £1,000, so legal review applies.
        c = await desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = manager, Remedies = [CaseDriver.Credit(1_500m)], Explanation = "A full refund of the order." });
        t.Time.Advance(TimeSpan.FromHours(1));
        c = await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = manager, ProposalNumber = 1 });
        c.Step.Should().Be(LegalReviewStep.Id);
        var investigation = c.Clocks.Single(k => k.Name == LegalReviewStep.Clock);
        investigation.Status.Should().Be(ClockStatus.Running);
        investigation.StartedAt.Should().Be(TestDesk.Start + TimeSpan.FromHours(1));

        // Only the legal role performs the review: not the agent, and not the most senior manager either (PR-10).
        var before = await t.StoredStateAsync(c.Id);
        foreach (var outsider in new[] { Actors.Agent, manager, Actors.Specialist })
        {
            var refused = () => desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = outsider, StepId = LegalReviewStep.Id, Input = new LegalOpinion("LF-7") }).AsTask();
            (await refused.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("legal");
        }

        (await t.StoredStateAsync(c.Id)).Should().Be(before);

        // The lawyer declines: back to seek-resolution, and the agreement no longer stands (PR-08).
        t.Time.Advance(TimeSpan.FromHours(2));
        c = await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, SendBack = LegalReviewStep.Decline, Reason = "The contract caps liability at the order value of GBP 1,200." });
        c.Step.Should().Be(StepIds.SeekResolution);
        c.Proposals.Single().Status.Should().Be(ProposalStatus.Superseded);
        c.AcceptedProposal.Should().BeNull();
        c.Outcome.Should().BeNull("the acceptance that decided the outcome no longer stands; the next agreement decides again");
        c.StepRecords[^1].Should().Match<StepRecord>(r => r.StepId == LegalReviewStep.Id && r.Action == LegalReviewStep.Decline && r.NextStep == StepIds.SeekResolution && r.Reason!.Contains("caps liability"));
        c.Clocks.Single(k => k.Name == LegalReviewStep.Clock).Status.Should().Be(ClockStatus.Stopped);

        // A new agreement at the cap; legal review applies again and the lawyer approves with the legal file.
        c = await desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = manager, Remedies = [CaseDriver.Credit(1_200m)], Explanation = "A refund up to the contract's cap." });
        c = await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = manager, ProposalNumber = 2, Outcome = ComplaintFlow.Outcomes.ComplaintOutcome.PartlyUpheld });
        c.Outcome.Should().Match<ComplaintFlow.Outcomes.CaseOutcome>(o => o.Decision == ComplaintFlow.Outcomes.ComplaintOutcome.PartlyUpheld && o.Reasons == "A refund up to the contract's cap.");
        c.Step.Should().Be(LegalReviewStep.Id);
        c.Clocks.Single(k => k.Name == LegalReviewStep.Clock).Status.Should().Be(ClockStatus.Running, "entering the step again starts the clock again");
        t.Time.Advance(TimeSpan.FromHours(1));
        c = await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, Input = new LegalOpinion("LF-7", "Pay within the cap.") });
        c.Step.Should().Be(StepIds.Fulfil);

        // The typed input is on the snapshot and in the history, as JSON.
        var approval = c.StepRecords[^1];
        approval.Input!.Value.GetProperty("reference").GetString().Should().Be("LF-7");
        approval.Input!.Value.GetProperty("conditions").GetString().Should().Be("Pay within the cap.");
        var stopped = c.Clocks.Single(k => k.Name == LegalReviewStep.Clock);
        stopped.Status.Should().Be(ClockStatus.Stopped);
        stopped.Breached.Should().BeFalse();

        c = await desk.DriveToAsync(c, StepIds.Closed, manager);

        var history = (await desk.GetHistoryAsync(c.Id)).Select(e => e.Data).ToList();
        history.OfType<StepSentBack>().Should().ContainSingle().Which.Record.Reason.Should().Contain("caps liability");
        history.OfType<StepCompleted>().Should().ContainSingle().Which.Record.Input!.Value.GetProperty("reference").GetString().Should().Be("LF-7");
        history.OfType<ProposalAccepted>().Select(a => a.ProposalNumber).Should().Equal(1, 2);
        history.OfType<ClocksChanged>().SelectMany(k => k.Changes).Where(k => k.Name == LegalReviewStep.Clock).Select(k => k.Kind)
            .Should().Equal(ClockChangeKind.Started, ClockChangeKind.Stopped, ClockChangeKind.Started, ClockChangeKind.Stopped);
        history.OfType<StepPassedOver>().Should().BeEmpty();
    }

    [Fact]
    public async Task LegalDeclining_KeepsADecisionTakenBeforeTheProposal()
    {
        // The manager decides the complaint upheld before proposing; legal then declines the agreed refund. The decision
        // stands: it did not come from the acceptance, so setting the agreement aside does not take it away.
        using var t = NewDesk();
        var desk = t.Desk;
        var manager = Actors.Manager;
        var c = await desk.DriveToAsync(await t.OpenAsync(manager), StepIds.SeekResolution, manager);
        c = await desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = manager, Decision = ComplaintFlow.Outcomes.ComplaintOutcome.Upheld, Reasons = "The fee broke the contract." });
        c = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = manager, Kind = RemedyKind.Refund, Details = "All my money back." });
        t.Time.Advance(TimeSpan.FromMinutes(5));
        c = await desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = manager, Remedies = [CaseDriver.Credit(1_500m)], Explanation = "A full refund of the order." });
        c = await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = manager, ProposalNumber = 1 });

        c = await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, SendBack = LegalReviewStep.Decline, Reason = "The contract caps liability." });

        c.Outcome.Should().Match<ComplaintFlow.Outcomes.CaseOutcome>(o => o.Reasons == "The fee broke the contract.", "the decision was taken before the proposal, not by its acceptance");
    }

    [Fact]
    public async Task LegalReview_WithANulInItsInput_IsRefusedNamingTheMember_NotFailedAsTheStores()
    {
        using var t = NewDesk();
        var manager = Actors.Manager;
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(manager), StepIds.SeekResolution, manager);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = manager, Kind = RemedyKind.Refund, Details = "All my money back." });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = manager, Remedies = [CaseDriver.Credit(1_500m)], Explanation = "A full refund." });
        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = manager, ProposalNumber = 1 });

        var act = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, Input = new LegalOpinion("LF\0-7") }).AsTask();

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Input.reference");
    }

    [Fact]
    public async Task SmallRefund_LegalReviewPassedOverOnce_WithTheReason()
    {
        using var t = NewDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1 });

        c.Step.Should().Be(StepIds.Fulfil, "a £20 credit does not need legal review");
        c.Clocks.Should().NotContain(k => k.Name == LegalReviewStep.Clock);
        var passed = (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<StepPassedOver>().Should().ContainSingle().Which;
        passed.Should().Be(new StepPassedOver(LegalReviewStep.Id, "the agreed remedy is over GBP 1,000"));
    }

    [Fact]
    public async Task LegalReview_WithoutItsInputOrWithABadOne_IsRefusedNamingTheField()
    {
        using var t = NewDesk();
        var manager = Actors.Manager;
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(manager), StepIds.SeekResolution, manager);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = manager, Kind = RemedyKind.Refund, Details = "All my money back." });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = manager, Remedies = ImmutableArray.Create(CaseDriver.Credit(2_000m)), Explanation = "Refund." });
        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = manager, ProposalNumber = 1 });
        var before = await t.StoredStateAsync(c.Id);

        var empty = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, Input = new LegalOpinion(" ") }).AsTask();
        var noReason = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, SendBack = LegalReviewStep.Decline }).AsTask();
        var unknownSendBack = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Lawyer, StepId = LegalReviewStep.Id, SendBack = "send-to-court", Reason = "Why not" }).AsTask();

        (await empty.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Input.Reference");
        (await noReason.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Reason");
        (await unknownSendBack.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("send-to-court").And.Contain(LegalReviewStep.Decline);
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }
}
