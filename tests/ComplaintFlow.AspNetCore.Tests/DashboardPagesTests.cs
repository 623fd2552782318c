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
    public async Task CasePage_ForASignedInUserWithNoTierOrRole_ShowsTheCaseWithoutActions_AndAPostGetsARefusalPage()
    {
        // An auditor: signed in, mapped to no usable actor. Reading needs only a sign-in, as on the API; the case page
        // was a JSON 403 while the list linking to it worked.
        var id = BackOffice.Text((await BackOffice.OpenAsync(_app.As(BackOffice.Agent)))["id"]);
        var auditor = _app.As(Uri.EscapeDataString("u-1|Una Tierless"));

        var page = await auditor.GetAsync($"/complaints/ui/cases/{id}");
        var post = await auditor.PostAsync($"/complaints/ui/cases/{id}/actions/add-note", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "n" }));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<h2>Clocks</h2>").And.Contain("role=\"alert\"").And.Contain("ask its administrator").And.NotContain("<form class=\"action\"");
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        post.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "the operator sees a page, not problem JSON");
    }

    [Fact]
    public async Task CasePage_RecordCommunicationForm_OffersOnlyTheKindsTheDeskRecords()
    {
        // Acknowledgements and progress updates have their own actions, and only the configured regime's final answer
        // can be sent: the form offered all three regimes' answers, each refused when chosen.
        var id = BackOffice.Text((await BackOffice.OpenAsync(_app.As(BackOffice.Agent)))["id"]);

        var html = await (await _app.As(BackOffice.Agent).GetAsync($"/complaints/ui/cases/{id}")).Content.ReadAsStringAsync();

        var form = html[html.IndexOf("actions/record-communication", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        form.Should().Contain("<option>DelayLetter</option>").And.Contain("<option>FinalResponse</option>")
            .And.NotContain("<option>Acknowledgement</option>").And.NotContain("<option>ProgressUpdate</option>")
            .And.NotContain("<option>IdrResponse</option>").And.NotContain("<option>CfpbResponse</option>");
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
    public async Task AFormPostThatIsNotFormData_IsRefusedWithAPage_NotAnError()
    {
        var client = _app.As(BackOffice.Agent);
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/complaints/ui/new") { Content = new StringContent("{\"customerRef\":\"c-1\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("role=\"alert\"");
    }

    [Fact]
    public async Task OpenForm_WithAKeyUsedForAnotherComplaint_ShowsTheRefusalOnAPage()
    {
        var client = _app.As(BackOffice.Agent);
        var token = await TokenAsync(client);
        FormUrlEncodedContent Form(string customer) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["idempotencyKey"] = "same-key", ["customerRef"] = customer, ["summary"] = "Late parcel", ["channel"] = "Email",
        });

        (await client.PostAsync("/complaints/ui/new", Form("cust-a"))).IsSuccessStatusCode.Should().BeTrue("the first post opens the case and lands on its page");
        var second = await client.PostAsync("/complaints/ui/new", Form("cust-b"));

        second.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        second.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "the operator sees a page, not problem JSON");
        (await second.Content.ReadAsStringAsync()).Should().Contain("Not opened");
    }

    [Fact]
    public async Task Process_DrawsTheStepsOnTheServer_WithTheSamplesOwnStep()
    {
        var page = await (await _app.As(BackOffice.Agent).GetAsync("/complaints/ui/process")).Content.ReadAsStringAsync();

        page.Should().Contain("<svg role=\"img\"").And.Contain(">acknowledge</text>").And.Contain(">legal-review</text>").And.Contain(">follow-up</text>");
        page.Should().NotContain("<script", "the page works without JavaScript");
    }

    public void Dispose() => _app.Dispose();

    /// <summary>The antiforgery token of the open form, as a browser would hold it (the client keeps the cookie).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/complaints/ui/new");
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        match.Success.Should().BeTrue("the form carries the token");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
