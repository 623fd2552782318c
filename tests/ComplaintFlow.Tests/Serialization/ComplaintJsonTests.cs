using ComplaintFlow.Process;
using ComplaintFlow.Serialization;
using ComplaintFlow.Tests.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Serialization;

public sealed class ComplaintJsonTests
{
    [Fact]
    public async Task SerializeCase_RoundTripsEveryFieldOfAFullyLivedCase()
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertAfter(StepIds.Validate, new InvestigateStep())));
        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c", Summary = "s", Channel = Channel.SocialMedia, Actor = Actors.Agent, Flags = ComplaintFlags.Regulatory | ComplaintFlags.ReputationRisk, Categories = ["b", "a"], Proactive = true });
        // The flags send the case to the specialist team (PR-19), which works it from here.
        var specialist = Actors.Specialist;
        c = await t.Desk.DriveToAsync(c, "investigate", specialist);
        c = await t.Desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = specialist, StepId = "investigate", Input = new Findings("cause", false) });
        c = await t.Desk.ExecuteAsync(new RecordCustomerUpdate { CaseId = c.Id, Actor = specialist, Message = "soon", NextUpdateBy = TestDesk.Start.AddDays(1) });
        c = await t.Desk.DriveToAsync(c, StepIds.FollowUp, specialist);
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = specialist, Satisfied = false, Csat = 2, Comment = "meh" });
        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "note" });

        var json = ComplaintJson.SerializeCase(c);
        var back = ComplaintJson.DeserializeCase(json);

        ComplaintJson.SerializeCase(back).Should().Equal(json);
        back.Should().BeEquivalentTo(c, o => o.Using<System.Text.Json.JsonElement>(e => e.Subject.GetRawText().Should().Be(e.Expectation.GetRawText())).WhenTypeIs<System.Text.Json.JsonElement>());
        back.StepRecords.Single().Input!.Value.GetProperty("rootCause").GetString().Should().Be("cause", "the step's typed input is kept on the snapshot");
    }

    [Fact]
    public async Task SerializeEvent_RoundTripsEveryEventOfAHistory()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Closed);

        foreach (var e in await t.Desk.GetHistoryAsync(c.Id))
        {
            var json = ComplaintJson.SerializeEvent(e);
            ComplaintJson.DeserializeEvent(json).Should().BeEquivalentTo(e, o => o.RespectingRuntimeTypes());
            ComplaintJson.SerializeEvent(ComplaintJson.DeserializeEvent(json)).Should().Equal(json);
        }
    }

    [Fact]
    public void DeserializeCase_NotACase_ThrowsJsonException()
    {
        var act = () => ComplaintJson.DeserializeCase("{\"id\":\"nope\"}"u8);

        act.Should().Throw<System.Text.Json.JsonException>();
    }
}
