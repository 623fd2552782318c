using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Process;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Policies;

/// <summary>Every guarded command refuses an actor without the authority, names what is missing, and changes nothing.</summary>
public sealed class AuthorizationTests
{
    public static TheoryData<string> GuardedCommands =>
    [
        "waive-follow-up by an agent",
        "hand-back by an agent",
        "hand-back by a supervisor of a manager's case",
        "reopen when the app requires a supervisor",
        "propose above every tier's limit",
        "approve step by an agent",
        "propose by someone other than the owner (app policy)",
        "any command by an unknown tier",
    ];

    [Theory]
    [MemberData(nameof(GuardedCommands))]
    public async Task Execute_WithoutAuthority_IsRefusedNamingActorActionAndMissingAuthority(string name)
    {
        using var t = new TestDesk(
            b => b.AddAuthorizationPolicy<OnlyOwnerOrSupervisorMayPropose>().ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new ApproveStep())),
            o => o.MinimumTierByAction[ComplaintActions.Reopen] = "supervisor");
        var (step, command, expected) = name switch
        {
            "waive-follow-up by an agent" => (StepIds.FollowUp, (Func<ComplaintCase, ComplaintCommand>)(c => new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Agent, Reason = "r" }), "needs tier 'supervisor' or above"),
            "hand-back by an agent" => ("manager-case", c => new HandBack { CaseId = c.Id, Actor = Actors.Agent, ToTier = "agent", Reason = "r" }, "needs tier 'supervisor' or above"),
            "hand-back by a supervisor of a manager's case" => ("manager-case", c => new HandBack { CaseId = c.Id, Actor = Actors.Supervisor, ToTier = "agent", Reason = "r" }, "escalated to tier 'manager'; it needs tier 'manager' or above"),
            "reopen when the app requires a supervisor" => (StepIds.Closed, c => new ReopenComplaint { CaseId = c.Id, Actor = Actors.Agent, Reason = "r" }, "needs tier 'supervisor' or above"),
            "propose above every tier's limit" => ("outcome", c => new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(50_000)], Explanation = "e" }, "no configured tier may commit that much"),
            "approve step by an agent" => ("approve", c => new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "approve", Input = new Approval("ok") }, "only a manager may approve"),
            "propose by someone other than the owner (app policy)" => ("outcome", c => new ProposeResolution { CaseId = c.Id, Actor = Actors.OtherAgent, Remedies = [CaseDriver.Credit(5)], Explanation = "e" }, "only the owner or a supervisor"),
            _ => (StepIds.Listen, c => new AddNote { CaseId = c.Id, Actor = new Actor("v-1", "Visitor", "volunteer"), Text = "n" }, "tier 'volunteer' is not one of the configured tiers"),
        };
        var c = await PrepareAsync(t, step);
        var before = await t.StoredStateAsync(c.Id);
        var refused = command(c);

        var act = () => t.Desk.ExecuteAsync(refused).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintAuthorizationException>()).Which;
        error.ActorId.Should().Be(refused.Actor.Id);
        error.Action.Should().NotBeNullOrWhiteSpace();
        error.MissingAuthority.Should().Contain(expected);
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task HandBack_BySupervisor_ReturnsTheCaseToAnAgentWithTheReason_PR11()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1 });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(30)], Explanation = "More" });
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 2 });
        c.Tier.Should().Be("supervisor");

        c = await t.Desk.ExecuteAsync(new HandBack { CaseId = c.Id, Actor = Actors.Supervisor, ToTier = "agent", Reason = "Agreed a goodwill limit of GBP 50 with the agent." });

        c.Tier.Should().Be("agent");
        c.Step.Should().Be(StepIds.SeekResolution);
        (await t.Desk.GetHistoryAsync(c.Id))[^1].Data.Should().Be(new ComplaintHandedBack("supervisor", null, "agent", null, "Agreed a goodwill limit of GBP 50 with the agent."));

        // The cause already escalated once; a further rejection does not bounce it straight back up.
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(50)], Explanation = "Best offer" });
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 3 });
        c.Tier.Should().Be("agent");
    }

    [Fact]
    public async Task HandBack_OfACaseWhoseTierIsNoLongerConfigured_IsADataErrorNamingTheTier()
    {
        using var before = new TestDesk();
        var c = await PrepareAsync(before, "manager-case");
        // The same store under a configuration that renamed the tier the case went up to.
        using var after = new TestDesk(b => b.UseStore(_ => before.Store), o =>
        {
            o.Tiers[2] = AuthorityTier.WithLimitInMajorCurrencies("regional-manager", 2_500m);
            o.Escalation.ManagerRequested.Tier = "regional-manager";
        });
        var stored = await before.StoredStateAsync(c.Id);

        var act = () => after.Desk.ExecuteAsync(new HandBack { CaseId = c.Id, Actor = Actors.Specialist, ToTier = "agent", Reason = "r" }).AsTask();

        (await act.Should().ThrowAsync<ComplaintDataException>()).Which.Message.Should().Contain("'manager' is not one of the configured tiers");
        (await before.StoredStateAsync(c.Id)).Should().Be(stored);

        // Nor is the escalated case's protection dropped for other work; a note is open to anyone, as ever.
        var update = () => after.Desk.ExecuteAsync(new RecordCustomerUpdate { CaseId = c.Id, Actor = Actors.Agent, Channel = Channel.Email, Message = "We are on it." }).AsTask();
        (await update.Should().ThrowAsync<ComplaintDataException>()).Which.Message.Should().Contain("'manager'");
        (await after.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Tier renamed; case needs moving." })).Notes.Should().NotBeEmpty();
    }

    [Fact]
    public async Task HandBack_Upwards_IsRefused()
    {
        using var t = new TestDesk();
        var c = await PrepareAsync(t, "manager-case");

        var act = () => t.Desk.ExecuteAsync(new HandBack { CaseId = c.Id, Actor = Actors.Specialist, ToTier = "specialist-team", Reason = "r" }).AsTask();

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Reason.Should().Contain("'specialist-team' is not lower");
    }

    [Fact]
    public async Task HandBack_OfACaseNeverEscalated_IsNotPermitted()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);

        var act = () => t.Desk.ExecuteAsync(new HandBack { CaseId = c.Id, Actor = Actors.Manager, ToTier = "agent", Reason = "r" }).AsTask();

        (await act.Should().ThrowAsync<ActionNotPermittedException>()).Which.UnmetRequirements.Should().ContainSingle().Which.Should().Contain("escalated");
    }

    [Fact]
    public async Task PermittedActions_LeaveOutWhatTheActorsTierMayNotDo()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);

        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Agent)).Should().NotContain([ComplaintActions.WaiveFollowUp, ComplaintActions.HandBack]);
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Supervisor)).Should().Contain(ComplaintActions.WaiveFollowUp).And.NotContain(ComplaintActions.HandBack, "a case never escalated has nothing to hand back");

        var escalated = await PrepareAsync(t, "manager-case");
        (await t.Desk.GetPermittedActionsAsync(escalated.Id, Actors.Manager)).Should().Contain(ComplaintActions.HandBack);
        (await t.Desk.GetPermittedActionsAsync(escalated.Id, Actors.Supervisor)).Should().Equal([ComplaintActions.AddNote], "below the case's tier only a note is open (PR-11)");
    }

    [Fact]
    public async Task AnAppPolicyThatReturnsNoDecisionOrResult_IsAnErrorNamingThePolicy_NotANullReference()
    {
        // A null decision or feasibility result was dereferenced: a NullReferenceException from inside the library,
        // with nothing saying which of the app's classes returned nothing.
        var policy = new DecidesNothing();
        using var t = new TestDesk(b => b.UseFeasibilityCheck<ChecksNothing>().Services.AddSingleton<IComplaintAuthorizationPolicy>(policy));
        var c = await PrepareAsync(t, "outcome");
        policy.Silent = true;

        var note = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "n" }).AsTask();
        var offered = () => t.Desk.GetAvailableActionsAsync(c.Id, Actors.Agent).AsTask();
        (await note.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*DecidesNothing*returned no decision*");
        (await offered.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*DecidesNothing*returned no decision*");

        policy.Silent = false;
        var propose = () => t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(5)], Explanation = "e" }).AsTask();
        (await propose.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*ChecksNothing*returned no result*");
        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version, "nothing was saved");
    }

    private sealed class DecidesNothing : IComplaintAuthorizationPolicy
    {
        public bool Silent { get; set; }

        public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Silent ? null! : AuthorizationDecision.Allow);
    }

    private sealed class ChecksNothing : IRemedyFeasibilityCheck
    {
        public ValueTask<FeasibilityResult> CheckAsync(ComplaintCase complaint, IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken) =>
            ValueTask.FromResult<FeasibilityResult>(null!);
    }

    private static async Task<ComplaintCase> PrepareAsync(TestDesk t, string step)
    {
        var c = await t.OpenAsync();
        switch (step)
        {
            case "manager-case":
                c = await t.Desk.DriveToAsync(c, StepIds.Listen);
                return await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager please" });
            case "outcome":
                c = await t.Desk.DriveToAsync(c, StepIds.SeekResolution);
                return await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Credit, Details = "d" });
            default:
                return await t.Desk.DriveToAsync(c, step);
        }
    }

    private sealed class OnlyOwnerOrSupervisorMayPropose : IComplaintAuthorizationPolicy
    {
        public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Action != ComplaintActions.Propose || context.Case?.Owner?.Id == context.Actor.Id || context.Actor.Tier != "agent"
                ? AuthorizationDecision.Allow
                : AuthorizationDecision.Deny("only the owner or a supervisor may propose on this case."));
    }
}
