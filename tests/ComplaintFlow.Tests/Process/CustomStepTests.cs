using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Process;

/// <summary>An integrator's steps, run through the whole desk.</summary>
public sealed class CustomStepTests
{
    private static TestDesk CourierDesk() => new(b => b.ConfigureProcess(p => p
        .InsertAfter(StepIds.Validate, new InvestigateStep())
        .InsertBefore(StepIds.Fulfil, new ApproveStep())
        .AddCompletionRequirement("investigate", new StepRequirement("a note from the courier's depot", c => c.Notes.Any(n => n.Text.Contains("depot", StringComparison.Ordinal))))));

    [Fact]
    public async Task CompleteStep_InputTheStoresCouldNotKeep_IsAValidationErrorOnInput_AndSavesNothing()
    {
        // A NaN the app's JSON cannot write, a dictionary key holding a NUL (PostgreSQL refused it as a store failure)
        // and a default JsonElement each escaped as a raw exception, or reached the store.
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertAfter(StepIds.Validate, new ScoreStep())));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), ScoreStep.Id);
        Func<Task> Complete(Scorecard? input, System.Text.Json.JsonElement? json = null) =>
            () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = ScoreStep.Id, Input = input, InputJson = json, IdempotencyKey = "k-" + Guid.NewGuid() }).AsTask();

        (await Complete(new Scorecard(double.NaN, [])).Should().ThrowAsync<ComplaintValidationException>("a NaN")).Which.Field.Should().Be("Input");
        (await Complete(new Scorecard(4, new() { ["tone\0"] = "calm" })).Should().ThrowAsync<ComplaintValidationException>("a NUL in a key")).Which.Field.Should().Be("Input.tags");
        (await Complete(null, default(System.Text.Json.JsonElement)).Should().ThrowAsync<ComplaintValidationException>("an undefined element")).Which.Field.Should().Be("Input");

        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version, "nothing was saved");
        (await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = ScoreStep.Id, Input = new Scorecard(4, new() { ["tone"] = "calm" }) })).Step.Should().Be(StepIds.SeekResolution);
    }

    [Theory]
    [InlineData(13.0, "*step 'score' recorded its summary with a character no store can keep at position 6*")]
    [InlineData(14.0, "*step 'score' recorded a data key with a character no store can keep at position 4*")]
    [InlineData(15.0, "*step 'score' recorded no data*")]
    public async Task CompleteStep_AStepThatRecordsWhatNoStoreCanKeep_IsRefusedNamingTheStep_AndSavesNothing(double score, string message)
    {
        // What a step's Record returns was stored unchecked: the in-memory store kept a NUL, PostgreSQL refused it as a
        // store failure (blaming the database for the app's step), and null data was a NullReferenceException.
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertAfter(StepIds.Validate, new ScoreStep())));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), ScoreStep.Id);

        var complete = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = ScoreStep.Id, Input = new Scorecard(score, []) }).AsTask();

        await complete.Should().ThrowAsync<ComplaintProcessDefinitionException>().WithMessage(message);
        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version, "nothing was saved");
    }

    /// <summary>A step whose input holds a number and free-form tags, as an app's scorecard might.</summary>
    private sealed class ScoreStep() : ComplaintStep<Scorecard>(Id, "score-case", new StepGuidance("Score", "Score the case.", ["Score it."], ["PR-05"]))
    {
        public new const string Id = "score";

        // Scores 13 to 15 stand for a step's own mistakes: a NUL in its summary, a lone surrogate in a key, no data.
        protected override StepRecordContent Record(Scorecard input) => input.Score switch
        {
            13 => new("Scored\0", new Dictionary<string, string>()),
            14 => new("Scored", new Dictionary<string, string> { ["note\uD800"] = "x" }),
            15 => new("Scored", null!),
            _ => new("Scored", new Dictionary<string, string> { ["score"] = input.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };
    }

    private sealed record Scorecard(double Score, Dictionary<string, string> Tags);

    [Fact]
    public async Task InvestigateAfterValidate_WaitsForFindingsThenMovesToSeekResolution()
    {
        using var t = CourierDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), "investigate");
        c.Step.Should().Be("investigate");
        (await t.Desk.GetGuidanceAsync(c.Id)).Title.Should().Be("Investigate");

        // The extra requirement added to the step is enforced by the process.
        var early = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Findings("Van broke down", true) }).AsTask();
        (await early.Should().ThrowAsync<ActionNotPermittedException>()).Which.UnmetRequirements.Should().ContainSingle("a note from the courier's depot");

        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "The depot confirmed the van broke down." });

        // The step's own check refuses bad input, with a typed error naming the field.
        var vague = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Findings(" ", true) }).AsTask();
        (await vague.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Input.RootCause");

        var wrongType = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Approval("ok") }).AsTask();
        (await wrongType.Should().ThrowAsync<ComplaintValidationException>()).Which.Reason.Should().Contain("needs a Findings");

        c = await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Findings("Van broke down", true) });
        c.Step.Should().Be(StepIds.SeekResolution);
        c.StepRecords.Should().ContainSingle().Which.Data.Should().Contain("courierAtFault", "yes");
        (await t.Desk.GetHistoryAsync(c.Id)).Last().Data.Should().BeOfType<StepCompleted>().Which.Record.Summary.Should().Be("Root cause: Van broke down");
    }

    [Fact]
    public async Task CompleteStep_AWrongInputTypeWithAnIdempotencyKey_IsAValidationErrorNamingTheInput()
    {
        using var t = CourierDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), "investigate");
        var stored = await t.StoredStateAsync(c.Id);

        // A keyed command is fingerprinted first; the input's type must be checked before that, not cast.
        var wrongType = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Approval("ok"), IdempotencyKey = "k-wrong-type" }).AsTask();

        (await wrongType.Should().ThrowAsync<ComplaintValidationException>()).Which.Should().Match<ComplaintValidationException>(e => e.Field == "Input" && e.Reason.Contains("needs a Findings"));
        (await t.StoredStateAsync(c.Id)).Should().Be(stored);
    }

    [Fact]
    public async Task ConfigureStep_ASendBackAddedToACustomStep_IsOfferedAndTakesTheCaseBack()
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p
            .InsertAfter(StepIds.Validate, new InvestigateStep())
            .ConfigureStep("investigate", f => f.SendsBackTo(StepIds.Listen, "ask-customer-again", "the findings need the customer's account again"))));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), "investigate");

        var actions = await t.Desk.GetAvailableActionsAsync(c.Id, Actors.Agent);

        actions.Should().Contain(a => a.Name == "ask-customer-again" && a.IsAvailable && a.StepId == "investigate", "the send-back the process was configured with is an action of the step");
        c = await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", SendBack = "ask-customer-again", Reason = "The depot's account differs from the customer's." });
        c.Step.Should().Be(StepIds.Listen);
    }

    [Fact]
    public async Task ApproveBeforeFulfil_OnlyAManagerMayApprove_ThenFulfilmentProceeds()
    {
        using var t = CourierDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), "investigate");
        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "depot says lost" });
        c = await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Findings("Lost in transit", true) });
        c = await t.Desk.DriveToAsync(c, "approve");

        // The step's own check of the actor is part of what is offered: an agent is not offered what they would be refused.
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Agent)).Should().NotContain("approve-remedy").And.NotContain(ComplaintActions.RecordFulfilment);
        (await t.Desk.GetPermittedActionsAsync(c.Id, Actors.Manager)).Should().Contain("approve-remedy").And.NotContain(ComplaintActions.RecordFulfilment);
        var fulfilEarly = () => t.Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Actors.Agent, Description = "Sent" }).AsTask();
        await fulfilEarly.Should().ThrowAsync<ActionNotPermittedException>();

        var byAgent = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "approve", Input = new Approval("fine") }).AsTask();
        (await byAgent.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Action.Should().Be("approve-remedy");

        c = await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Manager, StepId = "approve", Input = new Approval("Within policy") });
        c.Step.Should().Be(StepIds.Fulfil);
        c = await t.Desk.DriveToAsync(c, StepIds.Closed);
        c.StepRecords.Select(r => r.StepId).Should().Equal("investigate", "approve");
    }

    [Fact]
    public async Task CompleteStep_UnknownStepOrWrongStep_IsRefused()
    {
        using var t = CourierDesk();
        var c = await t.OpenAsync();

        var unknown = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "triage", Input = new Findings("x", false) }).AsTask();
        (await unknown.Should().ThrowAsync<ComplaintValidationException>()).Which.Reason.Should().Contain("'triage' is not a custom step");

        var notYet = () => t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "investigate", Input = new Findings("x", false) }).AsTask();
        (await notYet.Should().ThrowAsync<ActionNotPermittedException>()).Which.Step.Should().Be(StepIds.Acknowledge);
    }

    [Fact]
    public async Task Load_CaseInAStepTheConfiguredProcessLacks_FailsWithAClearError()
    {
        using var courier = CourierDesk();
        var c = await courier.OpenAsync();
        c = await courier.Desk.DriveToAsync(c, StepIds.Validate);
        c = await courier.Desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Actors.Agent });
        c.Step.Should().Be("investigate");

        // The same stored case, read by an app configured with the default process.
        using var plain = new TestDesk(b => b.UseStore(_ => courier.Store));
        var act = () => plain.Desk.GetAsync(c.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain("'investigate'").And.Contain(courier.Desk.Process.Version);
    }
}
