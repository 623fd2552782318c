using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintFlow.AspNetCore.Tests.BackOffice;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>
/// The HTTP edge through the sample back office: every endpoint, the version and idempotency headers, sign-in and
/// authorization, paging and the OpenAPI document. A refused request changes nothing (PR-18: the desk explains).
/// </summary>
public sealed class ComplaintEndpointsTests : IDisposable
{
    private readonly BackOffice _app = new();

    [Fact]
    public async Task Every_Endpoint_WithoutASignedInUser_Is401()
    {
        var anonymous = _app.As(null);
        var id = Text((await OpenAsync(_app.As(Agent)))["id"]);

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Post, "/complaints"), (HttpMethod.Get, "/complaints"), (HttpMethod.Get, $"/complaints/{id}"), (HttpMethod.Get, $"/complaints/{id}/history"),
            (HttpMethod.Get, $"/complaints/{id}/actions"), (HttpMethod.Post, $"/complaints/{id}/actions/acknowledge"), (HttpMethod.Get, $"/complaints/{id}/clocks"),
            (HttpMethod.Get, $"/complaints/{id}/guidance"), (HttpMethod.Get, "/complaints/admin/outbox/parked"), (HttpMethod.Get, "/complaints/ui/"),
        })
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} is never anonymous");
        }
    }

    [Fact]
    public async Task Open_ReturnsCreated_WithTheLocationAndTheVersionAsETag()
    {
        var client = _app.As(Agent);

        var response = await client.PostAsJsonAsync("/complaints", new { customerRef = "cust-9", summary = "Charged twice", channel = "Phone", categories = new[] { "billing" } });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.Headers.Location!.ToString().Should().Be($"/complaints/{Text(body["id"])}");
        response.Headers.ETag!.Tag.Should().Be($"\"{body["version"]}\"");
        Text(body["openedBy"]!["id"]).Should().Be("a-1", "the actor is the signed-in user");
        Text(body["step"]).Should().Be("acknowledge");
    }

    [Fact]
    public async Task Open_WithTheActorInTheBody_IsRefused()
    {
        var response = await _app.As(Agent).PostAsJsonAsync("/complaints", new { customerRef = "c", summary = "s", channel = "Email", actor = new { id = "someone-else", displayName = "X" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be("body.actor");
    }

    [Fact]
    public async Task Get_ReturnsTheCaseWithItsETag_And304WhenUnchanged()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var first = await client.GetAsync($"/complaints/{id}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/complaints/{id}");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        var second = await client.SendAsync(again);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Execute_WithTheCurrentIfMatch_AppliesAndReturnsTheNewETag()
    {
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);

        var response = await ActAsync(client, Text(opened["id"]), "acknowledge", new { owner = Owner() }, ifMatch: $"\"{opened["version"]}\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Text(body["step"]).Should().Be("listen");
        response.Headers.ETag!.Tag.Should().Be($"\"{body["version"]}\"");
    }

    [Fact]
    public async Task Execute_WithAStaleIfMatch_Is412WithBothVersions_AndChangesNothing()
    {
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);
        var id = Text(opened["id"]);
        var version = opened["version"]!.GetValue<long>();

        var response = await ActAsync(client, id, "acknowledge", new { owner = Owner() }, ifMatch: $"\"{version - 1}\"");

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await ProblemAsync(response);
        Text(problem["type"]).Should().Be("urn:complaintflow:problem:version-conflict");
        problem["expectedVersion"]!.GetValue<long>().Should().Be(version - 1);
        problem["actualVersion"]!.GetValue<long>().Should().Be(version);
        Text((await client.GetFromJsonAsync<JsonObject>($"/complaints/{id}"))!["step"]).Should().Be("acknowledge", "the refused action changed nothing");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"five\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/five")]
    public async Task Execute_WithAMalformedIfMatch_Is400NamingTheHeader(string ifMatch)
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await ActAsync(client, id, "acknowledge", new { owner = Owner() }, ifMatch: ifMatch);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be("If-Match");
    }

    [Fact]
    public async Task Execute_TheSameIdempotencyKeyTwice_AppliesOnce_AndAnswersTheSame()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);
        await ActAsync(client, id, "acknowledge", new { owner = Owner() });

        var first = await ActAsync(client, id, "record-statement", new { text = "It came late." }, key: "stmt-1");
        var events = (await client.GetFromJsonAsync<JsonArray>($"/complaints/{id}/history"))!.Count;
        var retry = await ActAsync(client, id, "record-statement", new { text = "It came late." }, key: "stmt-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.Headers.ETag!.Tag.Should().Be(first.Headers.ETag!.Tag, "the retry gets the first answer, not a second change");
        (await client.GetFromJsonAsync<JsonArray>($"/complaints/{id}/history"))!.Count.Should().Be(events, "the statement was recorded once");
    }

    [Theory]
    [InlineData("u-1|Una Tierless", "actor.Tier")]
    [InlineData("u-2|Ada\u0007Bell|agent", "actor.DisplayName")]
    public async Task Acting_AsAUserTheAppMappedToNoUsableActor_Is403NamingTheMember_WhileReadingStillWorks(string user, string field)
    {
        var id = Text((await OpenAsync(_app.As(Agent), "c-existing"))["id"]);
        var client = _app.As(Uri.EscapeDataString(user));

        var open = await client.PostAsJsonAsync("/complaints", new { customerRef = "c-1", summary = "Late", channel = "Email" });
        var actions = await client.GetAsync($"/complaints/{id}/actions");
        var read = await client.GetAsync($"/complaints/{id}");

        foreach (var response in new[] { open, actions })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the client cannot fix how the app maps its users");
            var problem = await ProblemAsync(response);
            Text(problem["type"]).Should().Be("urn:complaintflow:problem:actor-unusable");
            Text(problem["field"]).Should().Be(field);
        }

        read.StatusCode.Should().Be(HttpStatusCode.OK, "reading a case needs no more than being signed in (an auditor with no tier)");
        (await _app.As(Agent).GetFromJsonAsync<JsonObject>("/complaints?customer=c-1"))!["cases"]!.AsArray().Should().BeEmpty("nothing was opened");
    }

    [Fact]
    public async Task Execute_AndOpen_WithAMemberGivenTwice_Are400_AndChangeNothing()
    {
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);
        var id = Text(opened["id"]);
        StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

        var note = await client.PostAsync($"/complaints/{id}/actions/add-note", Json("{\"text\":\"first\",\"text\":\"second\"}"));
        var open = await client.PostAsync("/complaints", Json("{\"customerRef\":\"c-twice\",\"customerRef\":\"c-other\",\"summary\":\"s\",\"channel\":\"Email\"}"));

        note.StatusCode.Should().Be(HttpStatusCode.BadRequest, await note.Content.ReadAsStringAsync());
        open.StatusCode.Should().Be(HttpStatusCode.BadRequest, await open.Content.ReadAsStringAsync());
        (await client.GetFromJsonAsync<JsonObject>("/complaints?customer=c-twice"))!["cases"]!.AsArray().Should().BeEmpty("nothing was opened");
        (await client.GetFromJsonAsync<JsonObject>($"/complaints/{id}"))!["version"]!.GetValue<long>().Should().Be(opened["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Execute_WithNoBodyAndNoContentType_Is415_AndChangesNothing()
    {
        // What a cross-site fetch in no-cors mode sends: no Content-Type, no body, so no preflight; withdraw needs no body.
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);
        var id = Text(opened["id"]);

        var response = await client.PostAsync($"/complaints/{id}/actions/withdraw", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        Text((await ProblemAsync(response))["detail"]).Should().Contain("declare application/json");
        (await client.GetFromJsonAsync<JsonObject>($"/complaints/{id}"))!["version"]!.GetValue<long>().Should().Be(opened["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Execute_WithAnEmptyBodyDeclaredJson_Applies()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await client.PostAsync($"/complaints/{id}/actions/withdraw", EmptyJson());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_Redrive_AsAFormPost_Is415()
    {
        var id = Text((await OpenAsync(_app.As(Agent)))["id"]);

        var response = await _app.As(Admin).PostAsync($"/complaints/admin/outbox/{id}/redrive", new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Execute_AJsonLookingBodySentAsAForm_Is415_AndChangesNothing()
    {
        // A cross-site form cannot send application/json, but text/plain can carry text that parses as JSON.
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);
        var id = Text(opened["id"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/actions/add-note") { Content = new StringContent("{\"text\":\"abc=def\"}", System.Text.Encoding.UTF8, "text/plain") };

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        Text((await ProblemAsync(response))["type"]).Should().Be("urn:complaintflow:problem:unsupported-media-type");
        (await client.GetFromJsonAsync<JsonObject>($"/complaints/{id}"))!["version"]!.GetValue<long>().Should().Be(opened["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Open_WithAMisspeltMember_Is400NamingIt_AndOpensNothing()
    {
        var client = _app.As(Agent);

        var response = await client.PostAsJsonAsync("/complaints", new { customerRef = "c-typo", summary = "s", channel = "Email", severty = "High" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["detail"]).Should().Contain("severty");
        (await client.GetFromJsonAsync<JsonObject>("/complaints?customer=c-typo"))!["cases"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_WithAWeakIfMatchOfTheCurrentVersion_Applies()
    {
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);

        var response = await ActAsync(client, Text(opened["id"]), "acknowledge", new { owner = Owner() }, ifMatch: $"W/\"{opened["version"]}\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a proxy may weaken the tag; it still names the version");
    }

    [Fact]
    public async Task Get_WithIfNoneMatchListingTheCurrentTag_Is304()
    {
        var client = _app.As(Agent);
        var opened = await OpenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/complaints/{Text(opened["id"])}");
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"999\", W/\"{opened["version"]}\"");

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Execute_AnActionTheStepDoesNotAllow_Is409WithThePermittedActions()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await ActAsync(client, id, "record-fulfilment", new { description = "Done" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(response);
        Text(problem["type"]).Should().Be("urn:complaintflow:problem:action-not-permitted");
        Text(problem["step"]).Should().Be("acknowledge");
        problem["permittedActions"]!.AsArray().Select(a => Text(a)).Should().Contain("acknowledge");
    }

    [Fact]
    public async Task Execute_AnUnknownAction_Is400ListingTheActions()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await ActAsync(client, id, "teleport");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        Text(problem["field"]).Should().Be("action");
        Text(problem["detail"]).Should().Contain("acknowledge");
    }

    [Fact]
    public async Task Execute_ABodyWithAMisspeltMember_Is400NamingIt()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await ActAsync(client, id, "acknowledge", new { owner = Owner(), mesage = "typo" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Contain("mesage");
    }

    [Fact]
    public async Task Get_AnUnknownCase_Is404_AndANonIdIs400()
    {
        var client = _app.As(Agent);

        var missing = await client.GetAsync($"/complaints/{Guid.CreateVersion7()}");
        var bad = await client.GetAsync("/complaints/not-an-id");

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text((await ProblemAsync(missing))["type"]).Should().Be("urn:complaintflow:problem:not-found");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(bad))["field"]).Should().Be("id");
    }

    [Fact]
    public async Task Reads_History_Actions_Clocks_Guidance_DescribeTheCase()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var history = (await client.GetFromJsonAsync<JsonArray>($"/complaints/{id}/history"))!;
        var actions = (await client.GetFromJsonAsync<JsonArray>($"/complaints/{id}/actions"))!;
        var clocks = (await client.GetFromJsonAsync<JsonArray>($"/complaints/{id}/clocks"))!;
        var guidance = (await client.GetFromJsonAsync<JsonObject>($"/complaints/{id}/guidance"))!;

        history.Should().NotBeEmpty();
        var acknowledge = actions.Single(a => Text(a!["name"]) == "acknowledge")!;
        acknowledge["isAvailable"]!.GetValue<bool>().Should().BeTrue();
        acknowledge["inputSchema"]!["properties"]!["owner"].Should().NotBeNull("each action carries the schema of its body");
        actions.Single(a => Text(a!["name"]) == "record-fulfilment")!["refusal"].Should().NotBeNull("an action not available says why (PR-18)");
        clocks.Select(c => Text(c!["name"])).Should().Contain("acknowledge");
        guidance["practices"]!.AsArray().Select(p => Text(p)).Should().Contain("PR-01");
    }

    [Fact]
    public async Task Query_PagesThroughTheCases_AndRefusesABadLimit()
    {
        var client = _app.As(Agent);
        for (var i = 0; i < 3; i++)
        {
            await OpenAsync(client, $"cust-page-{i}");
        }

        var first = (await client.GetFromJsonAsync<JsonObject>("/complaints?limit=2"))!;
        var second = (await client.GetFromJsonAsync<JsonObject>($"/complaints?limit=2&after={Text(first["next"])}"))!;
        var bad = await client.GetAsync("/complaints?limit=0");

        first["cases"]!.AsArray().Should().HaveCount(2);
        second["cases"]!.AsArray().Should().HaveCount(1);
        second["next"].Should().BeNull();
        first["cases"]!.AsArray().Concat(second["cases"]!.AsArray()).Select(c => Text(c!["customerRef"])).Should().OnlyHaveUniqueItems().And.HaveCount(3);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(bad))["field"]).Should().Be("limit");
    }

    [Fact]
    public async Task Admin_ParkedEvents_NeedTheAdminPolicy()
    {
        var agent = await _app.As(Agent).GetAsync("/complaints/admin/outbox/parked");
        var admin = await _app.As(Admin).GetAsync("/complaints/admin/outbox/parked");

        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Content.ReadFromJsonAsync<JsonArray>()).Should().BeEmpty();
    }

    [Fact]
    public async Task Admin_ParkedEvents_NameTheHandlersThatHadHandledThem()
    {
        // The operator re-driving a parked event needs to know it will reach only the handlers still owing it.
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<Events.IComplaintEventHandler, Delivers>();
            s.AddSingleton<Events.IComplaintEventHandler, Fails>();
            s.PostConfigure<ComplaintFlowOptions>(o => o.Outbox.MaxAttempts = 1);
        }));

        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Demo-User", Admin);
        await OpenAsync(admin);
        var parked = (await (await admin.GetAsync("/complaints/admin/outbox/parked")).Content.ReadFromJsonAsync<JsonArray>())!;

        parked.Should().ContainSingle();
        parked[0]!["handledBy"]!.AsArray().Select(Text).Should().Contain(typeof(Delivers).ToString()).And.NotContain(typeof(Fails).ToString());
        Text(parked[0]!["lastError"]).Should().Contain(nameof(Fails));
    }

    private sealed class Delivers : Events.IComplaintEventHandler
    {
        public ValueTask HandleAsync(Events.ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class Fails : Events.IComplaintEventHandler
    {
        public ValueTask HandleAsync(Events.ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken) => throw new InvalidOperationException("CRM down");
    }

    [Fact]
    public async Task Admin_WithoutAnAdminPolicy_RefusesEveryone_AndTheDashboardShowsNoParkedEvents()
    {
        // An app that never named an admin policy: parked events may quote customer data, so nobody may see them.
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<ComplaintFlowWebOptions>(o => o.AdminPolicy = null)));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Demo-User", Admin);
        var id = Text((await OpenAsync(client))["id"]);

        var parked = await client.GetAsync("/complaints/admin/outbox/parked");
        var redrive = await client.PostAsync($"/complaints/admin/outbox/{id}/redrive", EmptyJson());
        var overview = await client.GetStringAsync("/complaints/ui/");

        parked.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Text((await ProblemAsync(parked))["type"]).Should().Be("urn:complaintflow:problem:admin-not-configured");
        redrive.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        overview.Should().NotContain("Parked events");
    }

    [Fact]
    public async Task Admin_Redrive_OfACaseWithNothingParked_IsZero_AndNeedsTheAdminPolicy()
    {
        var id = Text((await OpenAsync(_app.As(Agent)))["id"]);

        // Declared JSON though empty: a request that changes something must say so (see the 415 tests).
        var agent = await _app.As(Agent).PostAsync($"/complaints/admin/outbox/{id}/redrive", EmptyJson());
        var admin = await _app.As(Admin).PostAsync($"/complaints/admin/outbox/{id}/redrive", EmptyJson());

        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Content.ReadFromJsonAsync<JsonObject>())!["redriven"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Guidance_InAnUnknownCulture_Is400NamingIt()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var response = await client.GetAsync($"/complaints/{id}/guidance?culture=xx-nowhere");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be("culture");
    }

    [Fact]
    public async Task Reports_FcaReturn_CountsTheCasesOpenedInThePeriod()
    {
        var client = _app.As(Agent);
        await OpenAsync(client);
        await OpenAsync(client, "cust-2");

        var fca = (await client.GetFromJsonAsync<JsonObject>("/complaints/reports/fca-return?from=2026-01-01&to=2026-07-01"))!;

        fca["rows"]!.AsArray().Sum(r => r!["opened"]!.GetValue<long>()).Should().Be(2, "both cases were opened on 2 March 2026");
    }

    [Fact]
    public async Task Reports_AsicRowsAndCfpbSummary_ListTheCasesOfThePeriod()
    {
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var asic = (await client.GetFromJsonAsync<JsonArray>("/complaints/reports/asic-idr?from=2026-03-01&to=2026-04-01"))!;
        var cfpb = (await client.GetFromJsonAsync<JsonObject>("/complaints/reports/cfpb?from=2026-03-01&to=2026-04-01"))!;

        Text(asic.Single()!["complaintId"]).Should().Be(id);
        Text(asic.Single()!["status"]).Should().Be("open");
        cfpb["period"].Should().NotBeNull();
    }

    [Fact]
    public async Task Reports_Summary_CountsTheCasesOfThePeriod()
    {
        var client = _app.As(Agent);
        await OpenAsync(client);

        var summary = (await client.GetFromJsonAsync<JsonObject>("/complaints/reports/summary?from=2026-03-01&to=2026-04-01"))!;
        var bad = await client.GetAsync("/complaints/reports/summary?from=2026-04-01&to=2026-03-01");

        summary["received"]!.GetValue<long>().Should().Be(1);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("summary", "from=1800-01-01&to=2026-01-01", "from")]
    [InlineData("fca-return", "from=2026-01-01&to=2300-01-01", "to")]
    [InlineData("asic-idr", "from=1899-12-31T23:00:00Z&to=2026-01-01", "from")]
    [InlineData("cfpb", "from=2026-01-01&to=2200-01-01", "to")]
    [InlineData("summary", "from=1900-01-01T00:00:00%2B14:00&to=2026-01-01", "from")]
    [InlineData("summary", "from=2026-01-01&to=2199-12-31T23:00:00-12:00", "to")]
    public async Task Reports_APeriodOutsideTheYearsReportsCover_Is400NamingTheEnd(string report, string period, string field)
    {
        var response = await _app.As(Agent).GetAsync($"/complaints/reports/{report}?{period}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be(field);
    }

    [Fact]
    public async Task Reports_AnEndWrittenAtAnOffset_IsJudgedByItsYearInUtc()
    {
        // 20:00 on 31 December 1899 in New York is 01:00 UTC on 1 January 1900: within the years reports cover.
        var response = await _app.As(Agent).GetAsync("/complaints/reports/summary?from=1899-12-31T20:00:00-05:00&to=2200-01-01T00:00:00%2B09:00");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Query_AFilterWithANul_Is400NamingIt()
    {
        var response = await _app.As(Agent).GetAsync("/complaints?customer=cust%00");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be("customer", "the refusal names the parameter the client wrote");
    }

    [Fact]
    public async Task Execute_ARefusalOfAMemberOrHeader_NamesItAsTheClientWroteIt()
    {
        // The desk names command members as .NET paths; a client wrote JSON and headers, so the problem names those.
        var client = _app.As(Agent);
        var id = Text((await OpenAsync(client))["id"]);

        var owner = await ActAsync(client, id, "acknowledge", new { owner = new { id = "x-1", displayName = "X", tier = "boss" } });
        var key = await ActAsync(client, id, "add-note", new { text = "n" }, key: new string('k', 201));

        Text((await ProblemAsync(owner))["field"]).Should().Be("body.owner.tier");
        Text((await ProblemAsync(key))["field"]).Should().Be("Idempotency-Key");
    }

    [Fact]
    public async Task Query_AnAfterThatIsNotACaseId_Is400NamingAfter()
    {
        var response = await _app.As(Agent).GetAsync("/complaints?after=nope");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await ProblemAsync(response))["field"]).Should().Be("after", "the refusal names the parameter the client wrote, not 'id'");
    }

    [Fact]
    public async Task OpenApi_DescribesEveryActionWithItsBody()
    {
        var document = (await _app.As(null).GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        paths["/complaints"]!["post"]!["responses"]!["403"].Should().NotBeNull("opening is refused 403 for an actor the desk cannot use, or an unknown tier");

        var acknowledge = paths["/complaints/{id}/actions/acknowledge"]!["post"]!;
        acknowledge["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["owner"].Should().NotBeNull();
        acknowledge["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["step"].Should().NotBeNull("the answer is the case");
        acknowledge["responses"]!["412"]!["content"]!["application/problem+json"].Should().NotBeNull("a stale If-Match is problem details");
        paths["/complaints/{id}/actions/record-statement"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["required"]!.AsArray().Select(r => Text(r)).Should().Contain("text");
        paths["/complaints/{id}/actions/approve-legal-review"].Should().NotBeNull("the sample's own step is an action too");
        var open = paths["/complaints"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject();
        open.Select(p => p.Key).Should().Contain(["customerRef", "summary", "channel"]).And.NotContain(["actor", "idempotencyKey"]);
        var redrive = paths["/complaints/admin/outbox/{id}/redrive"]!["post"]!;
        redrive["requestBody"]!["content"]!["application/json"].Should().NotBeNull("every POST declares JSON, even an empty body");
        redrive["responses"]!["415"].Should().NotBeNull();
        redrive["responses"]!["403"]!["description"]!.GetValue<string>().Should().Contain("admin-not-configured");
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        var response = await _app.As(null).GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => _app.Dispose();

    private static StringContent EmptyJson() => new(string.Empty, System.Text.Encoding.UTF8, "application/json");
}
