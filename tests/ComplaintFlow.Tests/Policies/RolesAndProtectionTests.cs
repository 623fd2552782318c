using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Policies;

/// <summary>
/// Roles grant actions beside the tiers without seniority or money authority, and an escalated case is worked only at
/// its tier or above, or by its team (PR-10, PR-11, PR-14).
/// </summary>
public sealed class RolesAndProtectionTests
{
    private static readonly Actor QualityReviewer = new("q-001", "Max Quality", "agent") { Roles = ["quality-review"] };
    private static readonly Actor Lawyer = new("l-001", "Jo Counsel", null) { Roles = ["legal"] };

    private static TestDesk DeskWithQualityRole(Action<ComplaintFlowOptions>? more = null) => new(options: o =>
    {
        var role = new AuthorityRole { Name = "quality-review" };
        role.Actions.Add(ComplaintActions.WaiveFollowUp);
        o.Roles.Add(role);
        more?.Invoke(o);
    });

    [Fact]
    public async Task Role_GrantsItsActionToAnAgent_WithoutTheSupervisorTier_PR14()
    {
        using var t = DeskWithQualityRole();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);

        var plainAgent = () => t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Agent, Reason = "Customer asked not to be contacted." }).AsTask();
        (await plainAgent.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("needs tier 'supervisor' or above");

        c = await t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = QualityReviewer, Reason = "Customer asked not to be contacted." });

        c.Step.Should().Be(StepIds.Closed);
    }

    [Theory]
    [InlineData("waive-followup", "names no action of the process; check the spelling")]
    [InlineData(ComplaintActions.AddNote, "is open to every actor (PR-10), so a minimum tier for it would have no effect")]
    public void MinimumTierByAction_ThatCouldNeverTakeEffect_IsRefusedWhenTheDeskIsBuilt(string action, string message)
    {
        // A misspelt action left the real one open to every tier, with no error anywhere.
        var build = () =>
        {
            using var t = new TestDesk(options: o => o.MinimumTierByAction[action] = "manager");
            return t.Desk;
        };

        build.Should().Throw<ComplaintProcessDefinitionException>().WithMessage($"*MinimumTierByAction['{action}']*{message}*");
    }

    [Fact]
    public void Role_GrantingAnActionWithNoName_IsRefusedAtStartUp_NamingTheRole()
    {
        // A null action failed inside the authority rules with a raw exception naming no role.
        var build = () =>
        {
            using var t = DeskWithQualityRole(o => o.Roles[0].Actions.Add(null!));
            return t.Desk;
        };

        build.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*Role 'quality-review' grants an action with no name*");
    }

    [Fact]
    public void Role_GrantingAnActionTheProcessDoesNotHave_IsRefusedWhenTheDeskIsBuilt()
    {
        var build = () =>
        {
            using var t = DeskWithQualityRole(o => o.Roles[0].Actions.Add("waive-follow-ups"));
            return t.Desk;
        };

        build.Should().Throw<ComplaintProcessDefinitionException>().WithMessage("*Role 'quality-review' grants 'waive-follow-ups', which is no action of the process*");
    }

    [Fact]
    public async Task Role_GivesNoMoneyAuthority_APropositionBeyondTheTierStillEscalates_PR10()
    {
        using var t = DeskWithQualityRole();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(QualityReviewer), StepIds.SeekResolution, QualityReviewer);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = QualityReviewer, Kind = RemedyKind.Refund, Details = "Money back" });

        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = QualityReviewer, Remedies = [CaseDriver.Credit(300m)], Explanation = "Refund" });

        c.Step.Should().Be(StepIds.SeekResolution);
        c.Proposals.Should().BeEmpty();
        c.Tier.Should().Be("supervisor");
    }

    [Fact]
    public async Task ActorWithOnlyARole_CannotWorkTheCase_ButMayAddANote_PR10()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var before = await t.StoredStateAsync(c.Id);

        var acknowledge = () => t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Lawyer, Owner = Lawyer }).AsTask();
        var reassign = () => t.Desk.ExecuteAsync(new ReassignComplaint { CaseId = c.Id, Actor = Lawyer, NewOwner = Lawyer, Reason = "Taking it" }).AsTask();

        (await acknowledge.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Be(
            $"Actor 'l-001' may not 'acknowledge': 'l-001' acts only in role 'legal', and no configured role grants 'acknowledge'.");
        await reassign.Should().ThrowAsync<ComplaintAuthorizationException>();
        (await t.StoredStateAsync(c.Id)).Should().Be(before);

        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Lawyer, Text = "No legal exposure here." });
        c.Notes.Should().ContainSingle().Which.WrittenBy.Should().Be(Lawyer);
    }

    [Theory]
    [InlineData("roles but no tier", null, "Owner.Tier: is empty; an owner must be at one of the configured tiers")]
    [InlineData("an unknown tier", "intern", "Owner.Tier: tier 'intern' is not one of the configured tiers")]
    public async Task Acknowledge_AnOwnerNotAtAConfiguredTier_IsABadOwnerNotARefusalOfTheActor(string scenario, string? tier, string message)
    {
        // The owner is named in the command: their tier is the command's field. A roles-only owner was accepted (the
        // docs say an owner must be at a configured tier), and an unknown tier blamed the acting agent's authority.
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var owner = new Actor("o-1", "Jo", tier) { Roles = ["legal"] };

        var act = () => t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = owner }).AsTask();

        (await act.Should().ThrowAsync<ComplaintValidationException>(scenario)).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task UnknownTier_IsRefusedNamingTheConfiguredTiers()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = new Actor("z-1", "Zed", "legal"), Text = "Hello" }).AsTask();

        (await act.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("tier 'legal' is not one of the configured tiers (agent, supervisor, manager, specialist-team)");
    }

    [Fact]
    public async Task EscalatedCase_WorkedOnlyAtItsTierOrAbove_NotesStillOpenToAll_PR11()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "I want a manager." });
        c.Tier.Should().Be("manager");
        var before = await t.StoredStateAsync(c.Id);

        foreach (var junior in new[] { Actors.Agent, Actors.Supervisor })
        {
            var act = () => t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = junior, Text = "More detail." }).AsTask();
            (await act.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("is escalated to tier 'manager'").And.Contain("needs tier 'manager' or above");
        }

        (await t.StoredStateAsync(c.Id)).Should().Be(before);
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Agent)).Should().Equal(ComplaintActions.AddNote);

        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Customer called again." });
        c = await t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Manager, Text = "More detail." });
        c = await t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Specialist, Text = "Even more detail." });
        c.Statements.Select(x => x.RecordedBy).Should().Equal(Actors.Manager.Id, Actors.Specialist.Id);
    }

    [Fact]
    public async Task EscalatedCase_ItsTeamMayWorkIt_WhateverTheirTier_PR11()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy(new TeamOnRequestPolicy()));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager!" });
        (c.Tier, c.Team).Should().Be(("manager", "retention"));

        var outsider = () => t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Agent, Text = "Detail." }).AsTask();
        (await outsider.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("or team 'retention'");

        c = await t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Agent with { Team = "retention" }, Text = "Detail." });
        c.Statements.Should().ContainSingle();
    }

    [Fact]
    public async Task EscalatedCase_ProtectionOff_AnyTierMayWorkIt()
    {
        using var t = new TestDesk(options: o => o.ProtectEscalatedCases = false);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Listen);
        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Manager!" });

        c = await t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Agent, Text = "Detail." });

        c.Tier.Should().Be("manager");
        c.Statements.Should().ContainSingle();
    }

    /// <summary>Sends a manager request to the retention team's managers, winning the tie by the app-first order.</summary>
    private sealed class TeamOnRequestPolicy : IEscalationPolicy
    {
        public string Name => "retention-team";

        public IReadOnlyCollection<Type>? ReactsTo => [typeof(ManagerRequested)];

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<EscalationRequest?>(new EscalationRequest("manager", "retention", "retention", "Manager asked for", "A retention manager will call you."));
    }
}
