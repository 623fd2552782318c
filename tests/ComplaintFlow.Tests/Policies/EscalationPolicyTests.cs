using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Policies;

/// <summary>The built-in escalation policies, their ordering and failure modes, told as complaint stories.</summary>
public sealed class EscalationPolicyTests
{
    [Fact]
    public async Task RepeatedRejections_SecondRejectionGoesToASupervisor_Once_PR09()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        c = await RejectAndReproposeAsync(t, c, 1);
        c.Tier.Should().Be("agent", "one rejection is a normal part of finding a fair answer");

        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 2, CounterSuggestion = "Still not enough" });
        c.Tier.Should().Be("supervisor");
        c.Step.Should().Be(StepIds.SeekResolution, "escalation keeps the step");
        var last = (await t.Desk.GetHistoryAsync(c.Id))[^1];
        last.Data.Should().BeEquivalentTo(new { FromTier = "agent", ToTier = "supervisor", Cause = "repeated-rejections", Policy = "repeated-rejections" });
        last.Actor.Should().Be(Actors.Agent, "the history shows whose action caused it");

        // A third rejection does not escalate again for the same cause.
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Supervisor, Remedies = [CaseDriver.Credit(60)], Explanation = "More" });
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Supervisor, ProposalNumber = 3 });
        (await t.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is ComplaintEscalated).Should().Be(1);
    }

    [Fact]
    public async Task ManagerRequested_GoesToAManager_PR11()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "I want to speak to your manager." });

        c.Tier.Should().Be("manager");
        c.Step.Should().Be(StepIds.Listen);
        var history = await t.Desk.GetHistoryAsync(c.Id);
        history.TakeLast(2).Select(e => e.Data.GetType()).Should().Equal(typeof(ManagerRequested), typeof(ComplaintEscalated));
        ((ComplaintEscalated)history[^1].Data).CustomerExplanation.Should().Contain("manager");
    }

    [Fact]
    public async Task SeriousCase_FlaggedAtOpening_GoesToTheSpecialistTeamAtOnce_PR19()
    {
        using var t = new TestDesk();

        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Mis-sold insurance", Channel = Channel.Letter, Actor = Actors.Agent, Flags = ComplaintFlags.Regulatory });

        c.Tier.Should().Be("specialist-team");
        c.Team.Should().Be("specialist-complaints");
        var history = await t.Desk.GetHistoryAsync(c.Id);
        history[0].Data.Should().BeOfType<ComplaintOpened>();
        history.Should().ContainSingle(e => e.Data is ComplaintEscalated).Which.Sequence.Should().Be(c.Version, "the escalation is saved with the opening");
    }

    [Fact]
    public async Task SeriousCase_SeverityRaisedLater_Escalates_AndFurtherFlagsDoNotEscalateAgain_PR19()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        c = await t.Desk.ExecuteAsync(new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.High });
        c.Tier.Should().Be("agent");
        c = await t.Desk.ExecuteAsync(new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.Critical });
        c.Tier.Should().Be("specialist-team");
        c = await t.Desk.ExecuteAsync(new SetFlags { CaseId = c.Id, Actor = Actors.Specialist, Flags = ComplaintFlags.ReputationRisk });

        (await t.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is ComplaintEscalated).Should().Be(1);
    }

    [Fact]
    public async Task RepeatComplainant_ThirdComplaintWithinTheWindow_GoesToASupervisor_PR20()
    {
        using var t = new TestDesk();
        var first = await t.OpenAsync(customer: "cust-repeat");
        t.Time.Advance(TimeSpan.FromDays(40));
        var second = await t.OpenAsync(customer: "cust-repeat");
        var other = await t.OpenAsync(customer: "cust-someone-else");
        t.Time.Advance(TimeSpan.FromDays(40));

        var third = await t.OpenAsync(customer: "cust-repeat");

        new[] { first.Tier, second.Tier, other.Tier }.Should().AllBe("agent");
        third.Tier.Should().Be("supervisor");
        ((ComplaintEscalated)(await t.Desk.GetHistoryAsync(third.Id))[^1].Data).Reason.Should().Contain("3 times within 90 days");
    }

    [Fact]
    public async Task RepeatComplainant_EarlierComplaintsOutsideTheWindow_DoNotCount()
    {
        using var t = new TestDesk();
        await t.OpenAsync(customer: "cust-r");
        t.Time.Advance(TimeSpan.FromDays(100));
        await t.OpenAsync(customer: "cust-r");
        t.Time.Advance(TimeSpan.FromDays(10));

        var latest = await t.OpenAsync(customer: "cust-r");

        latest.Tier.Should().Be("agent");
    }

    [Fact]
    public async Task SeveralPoliciesAtOnce_TheMostSeniorTargetWins_AndOnlyItsCauseIsRecorded()
    {
        using var t = new TestDesk();
        await t.OpenAsync(customer: "cust-x");
        await t.OpenAsync(customer: "cust-x");

        // A repeat complainant (supervisor) who is also vulnerable (specialist team).
        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-x", Summary = "Again", Channel = Channel.Phone, Actor = Actors.Agent, Flags = ComplaintFlags.VulnerableCustomer });

        c.Tier.Should().Be("specialist-team");
        c.EscalationCauses.Should().Equal("serious-case");
        (await t.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is ComplaintEscalated).Should().Be(1);
    }

    [Fact]
    public async Task EqualTargets_TheAppsPolicyWinsOverTheBuiltInOne()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy<AlsoManagerOnRequest>());
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager, please." });

        ((ComplaintEscalated)(await t.Desk.GetHistoryAsync(c.Id))[^1].Data).Policy.Should().Be("also-manager", "an app's policy wins a tie against a built-in one unless the order says otherwise");
    }

    [Fact]
    public async Task EqualTargets_TheConfiguredTieBreakOrderWins()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy<AlsoManagerOnRequest>(), o => o.Escalation.TieBreakOrder.Add("manager-requested"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager, please." });

        ((ComplaintEscalated)(await t.Desk.GetHistoryAsync(c.Id))[^1].Data).Policy.Should().Be("manager-requested");
    }

    [Fact]
    public async Task TargetNotAboveTheCurrentTier_IsNotAnEscalation()
    {
        using var t = new TestDesk(options: o => o.Escalation.ManagerRequested.Tier = "agent");
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager!" });

        c.Tier.Should().Be("agent");
        c.EscalationCauses.Should().BeEmpty();
    }

    [Fact]
    public async Task DisabledBuiltInPolicy_DoesNotEscalate()
    {
        using var t = new TestDesk(options: o => o.Escalation.SeriousCases.Enabled = false);

        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c", Summary = "s", Channel = Channel.Web, Actor = Actors.Agent, Severity = Severity.Critical });

        c.Tier.Should().Be("agent");
    }

    [Fact]
    public async Task PolicyThatThrows_FailsTheCommandCleanly_NamingThePolicy()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy<BrokenPolicy>());
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        var before = await t.StoredStateAsync(c.Id);

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "boom" }).AsTask();

        var error = (await act.Should().ThrowAsync<EscalationPolicyFailedException>()).Which;
        error.Policy.Should().Be("broken");
        error.Message.Should().Contain("'broken'").And.Contain("CRM timed out").And.Contain("Nothing was saved");
        error.InnerException.Should().BeOfType<TimeoutException>();
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task PolicyAskingForAnUnknownTier_FailsTheCommandNamingThePolicy()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy<UnknownTierPolicy>());
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "x" }).AsTask();

        (await act.Should().ThrowAsync<EscalationPolicyFailedException>()).Which.Problem.Should().Contain("tier 'board'");
    }

    [Fact]
    public async Task PolicyAskingForNoTierAtAll_FailsTheCommandNamingThePolicy_NotWithARawNull()
    {
        // A tier read from a setting that is missing: a raw ArgumentNullException came out of ExecuteAsync.
        using var t = new TestDesk(b => b.AddEscalationPolicy(new UnknownTierPolicy(tier: null)));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "x" }).AsTask();

        (await act.Should().ThrowAsync<EscalationPolicyFailedException>()).Which.Problem.Should().Contain("it asked for no tier");
    }

    [Fact]
    public async Task PolicyWhoseReasonHoldsANul_FailsTheCommandNamingThePolicy_NotTheStore()
    {
        // PostgreSQL refuses a NUL in the stored event, so the save failed as the store's error (and, from the deadline
        // worker, on every poll).
        using var t = new TestDesk(b => b.AddEscalationPolicy(new TextPolicy("Breach\0 of policy")));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "x" }).AsTask();

        (await act.Should().ThrowAsync<EscalationPolicyFailedException>()).Which.Problem.Should().Contain("its request's reason");
    }

    [Fact]
    public async Task EscalatedCase_ResolvedByTheHigherTier_HistoryShowsWhoDidWhat_PR10()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Refund, Details = "Full price back" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(350m, "GBP"))], Explanation = "Full refund" });
        c.Tier.Should().Be("supervisor");

        c = await t.Desk.ExecuteAsync(new ReassignComplaint { CaseId = c.Id, Actor = Actors.Supervisor, NewOwner = Actors.Supervisor, Reason = "Taking the escalation" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Supervisor, Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(350m, "GBP"))], Explanation = "Full refund, approved" });
        c = await t.Desk.DriveToAsync(c, StepIds.Closed, Actors.Supervisor);

        var history = await t.Desk.GetHistoryAsync(c.Id);
        history.Single(e => e.Data is ComplaintEscalated).Actor.Should().Be(Actors.Agent);
        history.Single(e => e.Data is ResolutionProposed).Actor.Should().Be(Actors.Supervisor);
        history.Single(e => e.Data is FulfilmentRecorded).Actor.Should().Be(Actors.Supervisor);
        c.Owner.Should().Be(Actors.Supervisor);
    }

    private static async Task<ComplaintCase> RejectAndReproposeAsync(TestDesk t, ComplaintCase c, int number)
    {
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = number, CounterSuggestion = "More, please" });
        return await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(40)], Explanation = "A bigger credit" });
    }

    private sealed class AlsoManagerOnRequest : IEscalationPolicy
    {
        public string Name => "also-manager";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Has<ManagerRequested>() ? new EscalationRequest("manager", null, "also", "Asked", "A manager will help.") : null);
    }

    private sealed class BrokenPolicy : IEscalationPolicy
    {
        public string Name => "broken";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            context.Action == ComplaintActions.AddNote ? throw new TimeoutException("CRM timed out") : ValueTask.FromResult<EscalationRequest?>(null);
    }

    private sealed class TextPolicy(string reason) : IEscalationPolicy
    {
        public string Name => "text";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Action == ComplaintActions.AddNote ? new EscalationRequest("supervisor", null, "c", reason, "e") : null);
    }

    private sealed class UnknownTierPolicy(string? tier = "board") : IEscalationPolicy
    {
        public string Name => "unknown-tier";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Action == ComplaintActions.AddNote ? new EscalationRequest(tier!, null, "c", "r", "e") : null);
    }
}
