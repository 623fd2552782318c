using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Scenarios;

/// <summary>Whole complaint stories, told through the public API from first contact to close.</summary>
public sealed class ComplaintStoryTests
{
    [Fact]
    public async Task LateDelivery_SettledWithCredit_ClosesAfterSatisfiedFollowUp()
    {
        using var t = new TestDesk();
        var desk = t.Desk;
        var agent = Actors.Agent;

        // The customer emails: the parcel was two weeks late (PR-23: opening is cheap).
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-7", Summary = "Birthday parcel two weeks late", Channel = Channel.Email, Actor = agent, Categories = ["delivery", "late"] });
        c.Step.Should().Be(StepIds.Acknowledge);

        // Same morning: thanks, apology and a named owner (PR-01, PR-04).
        t.Time.Advance(TimeSpan.FromHours(2));
        c = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = agent, Owner = agent, Message = "Thank you for telling us; I'm sorry, and I'll look after this myself." });
        c.Step.Should().Be(StepIds.Listen);
        c.Owner.Should().Be(agent);

        // Listen to the whole story and ask what matters (PR-02, PR-03).
        c = await desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = agent, Text = "The present arrived after the party; the tracking said it was out for delivery for nine days.", Channel = Channel.Phone });
        c = await desk.ExecuteAsync(new RecordClarification { CaseId = c.Id, Actor = agent, Question = "Was the item itself damaged?", Answer = "No, just late." });

        // Check understanding (PR-05).
        c = await desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = agent, Text = "The gift arrived undamaged but too late for the party, after nine days stuck in delivery." });
        c = await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = agent });
        c.Step.Should().Be(StepIds.SeekResolution);

        // Ask what they want, then offer what we can do (PR-06, PR-07).
        c = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = agent, Kind = RemedyKind.Refund, Details = "The delivery charge back." });
        c = await desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = c.Id,
            Actor = agent,
            Remedies = [new Remedy(RemedyKind.Refund, "Delivery charge refunded", new Money(4.99m, "GBP")), new Remedy(RemedyKind.Goodwill, "Credit towards the next order", new Money(10m, "GBP"))],
            Explanation = "We refund the delivery you paid for and add a credit for the disappointment.",
        });
        c.Step.Should().Be(StepIds.GainAgreement);

        // Explicit agreement to that proposal (PR-08).
        c = await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = agent, ProposalNumber = 1, Channel = Channel.Phone });
        c.Step.Should().Be(StepIds.Fulfil);

        // Act quickly (PR-12) and follow up (PR-14).
        t.Time.Advance(TimeSpan.FromHours(1));
        c = await desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = agent, Description = "Refund and credit issued", Reference = "RF-991" });
        c.IsResolved.Should().BeTrue();
        c.Step.Should().Be(StepIds.FollowUp);

        t.Time.Advance(TimeSpan.FromDays(3));
        c = await desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = agent, Satisfied = true, Csat = 5, Comment = "Thanks for sorting it." });
        c.Step.Should().Be(StepIds.Closed);
        c.IsOpen.Should().BeFalse();
        c.ClosedAt.Should().Be(TestDesk.Start + TimeSpan.FromHours(3) + TimeSpan.FromDays(3));

        // The history alone tells the story, numbered without gaps (PR-22).
        var history = await desk.GetHistoryAsync(c.Id);
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Select(e => e.Data).Where(d => !d.GetType().Name.StartsWith("Clock", StringComparison.Ordinal)).Select(d => d.GetType().Name).Should().Equal(
            nameof(ComplaintOpened), nameof(ComplaintAcknowledged), nameof(StatementRecorded), nameof(ClarificationRecorded),
            nameof(ParaphraseSubmitted), nameof(ParaphraseConfirmed), nameof(DesiredOutcomeCaptured), nameof(ResolutionProposed),
            nameof(ProposalAccepted), nameof(OutcomeRecorded), nameof(FulfilmentRecorded), nameof(FollowUpRecorded), nameof(ComplaintClosed));
        c.Version.Should().Be(history.Count);

        // The acceptance recorded the outcome: upheld, for the reasons the proposal gave (PR-17).
        c.Outcome!.Decision.Should().Be(ComplaintFlow.Outcomes.ComplaintOutcome.Upheld);
        c.Outcome.Reasons.Should().Be("We refund the delivery you paid for and add a credit for the disappointment.");

        // Every clock was met and stopped by the close (PR-01, PR-12, PR-14).
        history.Select(e => e.Data).OfType<ClocksChanged>().SelectMany(c => c.Changes).Where(k => k.Kind == ClockChangeKind.Stopped)
            .Should().HaveCount(5).And.OnlyContain(k => k.Met == true);
        c.Clocks.Select(k => k.Name).Should().BeEquivalentTo(["acknowledge", "customer-update", "resolution", "fulfilment", "follow-up"]);
        c.Clocks.Should().OnlyContain(k => k.Status == ClockStatus.Stopped && !k.Breached);
        t.Handled.Events.Select(e => e.Sequence).Should().Equal(history.Select(e => e.Sequence));
    }

    [Fact]
    public async Task RejectedProposal_CustomersOwnSuggestionAccepted_IsFulfilled()
    {
        using var t = new TestDesk();
        var desk = t.Desk;
        var c = await desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        // The customer says no and says what would be fair (PR-09, PR-16).
        c = await desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1, CounterSuggestion = "A replacement sent by next-day courier instead." });
        c.Step.Should().Be(StepIds.SeekResolution);
        c.Decisions.Should().ContainSingle().Which.CounterSuggestion.Should().Contain("next-day courier");

        c = await desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = c.Id,
            Actor = Actors.Agent,
            Remedies = [new Remedy(RemedyKind.Replacement, "Replacement by next-day courier")],
            Alternatives = [CaseDriver.Credit(20m)],
            Explanation = "As you suggested: a replacement tomorrow, or the credit if you prefer.",
        });
        c = await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 2 });
        c = await desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Actors.Agent, Description = "Replacement shipped", Reference = "SHIP-5" });

        c.Fulfilment!.ProposalNumber.Should().Be(2);
        c.Proposals.Select(p => p.Status).Should().Equal(ProposalStatus.Rejected, ProposalStatus.Accepted);
    }

    [Fact]
    public async Task UnsatisfiedFollowUp_ReopensToListening_SecondRoundCloses()
    {
        using var t = new TestDesk();
        var desk = t.Desk;
        var c = await desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);

        // PR-14: the check-in finds the problem is not really solved.
        c = await desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Actors.Agent, Satisfied = false, Csat = 2, Comment = "The credit never appeared." });
        c.Step.Should().Be(StepIds.Listen);
        c.ReopenCount.Should().Be(1);
        c.Fulfilment.Should().BeNull("the new round must agree and fulfil again");
        c.Paraphrase.Should().BeNull();

        c = await desk.DriveToAsync(c, StepIds.Closed);
        c.FollowUps.Select(f => f.Satisfied).Should().Equal(false, true);
        var history = await desk.GetHistoryAsync(c.Id);
        history.Should().ContainSingle(e => e.Data is ComplaintReopened);
    }

    [Fact]
    public async Task Withdrawal_FromAnyOpenStep_EndsTheCaseAndKeepsNotes()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);

        c = await t.Desk.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Actors.Agent, Reason = "The customer found the parcel with a neighbour." });
        c.Step.Should().Be(StepIds.Withdrawn);
        c.IsOpen.Should().BeFalse();

        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Courier left it next door without a card." });
        c.Notes.Should().ContainSingle();
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Agent)).Should().Equal(ComplaintActions.AddNote);
    }

    [Fact]
    public async Task ClosedCase_ReopenedWithinWindow_ButNotAfterIt()
    {
        using var t = new TestDesk(options: o => o.ReopenWindow = TimeSpan.FromDays(14));
        var first = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Closed);
        var second = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Closed);

        t.Time.Advance(TimeSpan.FromDays(10));
        var reopened = await t.Desk.ExecuteAsync(new ReopenComplaint { CaseId = first.Id, Actor = Actors.Agent, Reason = "The same fault came back." });
        reopened.Step.Should().Be(StepIds.Listen);
        reopened.ClosedAt.Should().BeNull();

        t.Time.Advance(TimeSpan.FromDays(5));
        var late = () => t.Desk.ExecuteAsync(new ReopenComplaint { CaseId = second.Id, Actor = Actors.Agent, Reason = "Too late." }).AsTask();
        (await late.Should().ThrowAsync<ActionNotPermittedException>()).Which.UnmetRequirements.Should().ContainSingle().Which.Should().Contain("reopen window");
    }

    [Fact]
    public async Task ProgressUpdatesAndHandlingChanges_StayInStep_AndAreRecorded()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        var next = t.Time.GetUtcNow().AddDays(2);

        c = await t.Desk.ExecuteAsync(new RecordCustomerUpdate { CaseId = c.Id, Actor = Actors.Agent, Message = "We are checking with the courier; you'll hear from us by Wednesday.", NextUpdateBy = next });
        c = await t.Desk.ExecuteAsync(new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.High });
        c = await t.Desk.ExecuteAsync(new SetFlags { CaseId = c.Id, Actor = Actors.Agent, Flags = ComplaintFlags.VulnerableCustomer });

        // A vulnerable customer's case goes to the specialist team (PR-19), which works it from here.
        c.Tier.Should().Be("specialist-team");
        c = await t.Desk.ExecuteAsync(new SetCategories { CaseId = c.Id, Actor = Actors.Specialist, Categories = [" courier ", "delivery", "courier"] });
        c = await t.Desk.ExecuteAsync(new ReassignComplaint { CaseId = c.Id, Actor = Actors.Specialist, NewOwner = Actors.OtherAgent, Reason = "Shift change" });

        c.Step.Should().Be(StepIds.Listen);
        c.CustomerUpdates.Should().ContainSingle().Which.NextUpdateBy.Should().Be(next);
        c.Severity.Should().Be(Severity.High);
        c.Flags.Should().Be(ComplaintFlags.VulnerableCustomer);
        c.Categories.Should().Equal("courier", "delivery");
        c.Owner.Should().Be(Actors.OtherAgent);
        var history = await t.Desk.GetHistoryAsync(c.Id);
        history.Last().Data.Should().Be(new ComplaintReassigned(Actors.Agent, Actors.OtherAgent, "Shift change"));
    }

    [Fact]
    public async Task ProactiveCase_OpenedByTheCompany_IsMarked()
    {
        using var t = new TestDesk();
        // PR-15: the company warns the customer first that the item is out of stock.
        var c = await t.Desk.OpenAsync(new OpenComplaint
        {
            CustomerRef = "cust-9",
            Summary = "Ordered sofa will be six weeks late",
            Channel = Channel.Phone,
            Actor = Actors.Agent,
            Proactive = true,
            ReceivedAt = TestDesk.Start.AddHours(-1),
        });

        c.Proactive.Should().BeTrue();
        c.ReceivedAt.Should().Be(TestDesk.Start.AddHours(-1));
        c.OpenedAt.Should().Be(TestDesk.Start);
    }
}
