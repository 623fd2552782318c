using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static ComplaintFlow.AspNetCore.Tests.BackOffice;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>
/// The sample back office driven over HTTP as its README's curl calls do: a VIP's complaint goes to a supervisor at
/// once (the sample's policy, PR-19), a large refund waits for legal review (the sample's step, PR-10), and the case
/// closes after a satisfied follow-up (PR-07).
/// </summary>
public sealed class BackOfficeSampleTests : IDisposable
{
    private const string Lawyer = "l-1|Jo Counsel||legal";
    private const string Manager = "m-1|Lee Manager|manager";
    private readonly BackOffice _app = new();

    [Fact]
    public async Task AVipComplaintWithALargeRefund_GoesToASupervisor_ThenAManager_ThroughLegalReview_ToClosed()
    {
        var opened = await OpenAsync(_app.As(Agent), "vip-1042");
        var id = Text(opened["id"]);
        Text(opened["tier"]).Should().Be("supervisor", "the VIP policy escalates a VIP's complaint as soon as it is opened");

        async Task<JsonObject> Act(HttpClient client, string action, object? body = null)
        {
            var response = await ActAsync(client, id, action, body);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        // A refund of GBP 1,200 is beyond a supervisor's authority, so a manager takes the case on.
        var manager = _app.As(Manager);
        await Act(manager, "acknowledge", new { owner = Owner("m-1", "Lee Manager", "manager") });
        await Act(manager, "record-statement", new { text = "The sofa arrived torn." });
        await Act(manager, "submit-paraphrase", new { text = "So the sofa was delivered torn." });
        await Act(manager, "confirm-paraphrase");
        await Act(manager, "capture-desired-outcome", new { kind = "Refund", details = "All my money back." });
        await Act(manager, "propose", new { remedies = new[] { new { kind = "Refund", description = "Full refund", amount = new { amount = 1200m, currency = "GBP" } } }, explanation = "A full refund." });
        var agreed = await Act(manager, "accept", new { proposalNumber = 1 });
        Text(agreed["step"]).Should().Be("legal-review", "a remedy over GBP 1,000 waits for legal");

        var refused = await ActAsync(manager, id, "approve-legal-review", new { input = new { reference = "LF-1" } });
        refused.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Conflict);
        await Act(_app.As(Lawyer), "approve-legal-review", new { input = new { reference = "LF-1" } });
        await Act(manager, "record-fulfilment", new { description = "Refund paid" });
        var closed = await Act(manager, "record-follow-up", new { satisfied = true, csat = 4 });

        Text(closed["step"]).Should().Be("closed");
        var history = (await manager.GetFromJsonAsync<JsonArray>($"/complaints/{id}/history"))!;
        history.Count.Should().Be(closed["version"]!.GetValue<int>(), "every change is one numbered event");
    }

    public void Dispose() => _app.Dispose();
}
