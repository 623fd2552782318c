using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Process;

/// <summary>
/// A completion requirement holds on every way forward out of its step: a final response leaves seek-resolution or
/// gain-agreement, a waiver or the last unanswered attempt leaves follow-up, and each was a way round the requirement.
/// </summary>
public sealed class StepRequirementTests
{
    private static readonly StepRequirement QualityChecked = new("a quality-review note", c => c.Notes.Any(n => n.Text.StartsWith("QA:", StringComparison.Ordinal)));

    [Theory]
    [InlineData(StepIds.SeekResolution)]
    [InlineData(StepIds.GainAgreement)]
    public async Task IssueFinalResponse_FromAStepWithAnUnmetRequirement_IsRefusedNamingIt_UntilItIsMet(string step)
    {
        using var t = Desk(step);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), step, Actors.Supervisor);
        var answer = new IssueFinalResponse { CaseId = c.Id, Actor = Actors.Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the contract.", Channel = Channel.Email };

        var refused = (await FluentActions.Awaiting(() => t.Desk.ExecuteAsync(answer).AsTask()).Should().ThrowAsync<ActionNotPermittedException>()).Which;

        refused.UnmetRequirements.Should().Contain(QualityChecked.Description);
        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version, "nothing was saved");
        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Supervisor, Text = "QA: letter checked" });
        (await t.Desk.ExecuteAsync(answer)).Step.Should().Be(StepIds.FollowUp);
    }

    [Fact]
    public async Task WaiveFollowUp_WithAnUnmetFollowUpRequirement_IsRefusedNamingIt_UntilItIsMet()
    {
        using var t = Desk(StepIds.FollowUp);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp, Actors.Supervisor);
        var waive = new WaiveFollowUp { CaseId = c.Id, Actor = Actors.Supervisor, Reason = "The customer asked not to be contacted." };

        var refused = (await FluentActions.Awaiting(() => t.Desk.ExecuteAsync(waive).AsTask()).Should().ThrowAsync<ActionNotPermittedException>()).Which;

        refused.UnmetRequirements.Should().Contain(QualityChecked.Description);
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Supervisor, Text = "QA: case reviewed" });
        (await t.Desk.ExecuteAsync(waive)).Step.Should().Be(StepIds.Closed);
    }

    [Fact]
    public async Task RecordFollowUpAttempt_TheLastOneWithAnUnmetRequirement_IsRefused_EarlierOnesAreRecorded()
    {
        using var t = Desk(StepIds.FollowUp);
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp, Actors.Supervisor);
        var attempt = new RecordFollowUpAttempt { CaseId = c.Id, Actor = Actors.Supervisor, Note = "no answer" };

        await t.Desk.ExecuteAsync(attempt);
        c = await t.Desk.ExecuteAsync(attempt);
        c.UnansweredFollowUps.Should().Be(2, "attempts that leave the case open do not complete follow-up");
        var refused = (await FluentActions.Awaiting(() => t.Desk.ExecuteAsync(attempt).AsTask()).Should().ThrowAsync<ActionNotPermittedException>()).Which;

        refused.UnmetRequirements.Should().Contain(QualityChecked.Description, "the third attempt would close the case");
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Supervisor, Text = "QA: case reviewed" });
        (await t.Desk.ExecuteAsync(attempt)).Step.Should().Be(StepIds.Closed);
    }

    private static TestDesk Desk(string step) =>
        new(b => b.UseProcess(ComplaintProcess.CreateBuilder().AddCompletionRequirement(step, QualityChecked).Build()));
}
