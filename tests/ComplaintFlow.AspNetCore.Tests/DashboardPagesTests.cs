using System.Net;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>The dashboard's pages over HTTP: who sees what, and forms that did not come from the dashboard.</summary>
public sealed class DashboardPagesTests : IDisposable
{
    private readonly BackOffice _app = new();

    [Fact]
    public async Task Overview_ShowsParkedEvents_OnlyToUsersOfTheAdminPolicy()
    {
        var agent = await (await _app.As(BackOffice.Agent).GetAsync("/complaints/ui/")).Content.ReadAsStringAsync();
        var admin = await (await _app.As(BackOffice.Admin).GetAsync("/complaints/ui/")).Content.ReadAsStringAsync();

        agent.Should().Contain("Open cases by step").And.NotContain("Parked events", "handler errors may quote customer data");
        admin.Should().Contain("Parked events");
    }

    [Fact]
    public async Task AFormWithoutTheAntiforgeryToken_IsRefusedWithAPage_NotAnError()
    {
        var client = _app.As(BackOffice.Agent);
        var id = BackOffice.Text((await BackOffice.OpenAsync(client))["id"]);

        var response = await client.PostAsync($"/complaints/ui/cases/{id}/actions/add-note", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "forged" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("role=\"alert\"").And.Contain("reload the page");
    }

    [Fact]
    public async Task Process_DrawsTheStepsOnTheServer_WithTheSamplesOwnStep()
    {
        var page = await (await _app.As(BackOffice.Agent).GetAsync("/complaints/ui/process")).Content.ReadAsStringAsync();

        page.Should().Contain("<svg role=\"img\"").And.Contain(">acknowledge</text>").And.Contain(">legal-review</text>").And.Contain(">follow-up</text>");
        page.Should().NotContain("<script", "the page works without JavaScript");
    }

    public void Dispose() => _app.Dispose();
}
