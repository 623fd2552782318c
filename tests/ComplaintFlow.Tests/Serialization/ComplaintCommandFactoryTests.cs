using System.Text.Json;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Process;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Serialization;

/// <summary>
/// The command factory builds any action's command from its JSON body, as an HTTP layer or a queue receives it, and
/// refuses an unknown action or a bad body with a typed error naming the member, never a raw JSON error.
/// </summary>
public sealed class ComplaintCommandFactoryTests
{
    private static readonly ComplaintId Case = ComplaintId.Parse("01950000-0000-7000-8000-000000000001");

    [Fact]
    public async Task Create_AnActorWithoutRolesOrTeam_IsStoredAndReadBack()
    {
        // An HTTP client names the owner as { id, displayName, tier }: the missing roles must mean "none", not an
        // unset list that fails when the case is saved (found by the web edge's tests: a 500 on acknowledge).
        var folder = Directory.CreateTempSubdirectory("complaintflow-actor-").FullName;
        try
        {
            using var t = new TestDesk(b => b.UseSqlite($"Data Source={Path.Combine(folder, "c.db")}"));
            var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();
            var c = await t.OpenAsync();
            var body = JsonDocument.Parse("{ \"owner\": { \"id\": \"a-9\", \"displayName\": \"Kim Agent\", \"tier\": \"agent\" } }").RootElement;

            c = await t.Desk.ExecuteAsync(factory.Create("acknowledge", c.Id, Actors.Agent, body));

            c.Owner!.Roles.Should().BeEmpty();
            (await t.Desk.GetAsync(c.Id)).Owner!.Id.Should().Be("a-9");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Create_FromJsonBodies_TakesACaseToFulfilment()
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new LegalReviewStep())), LegalReviewStep.AddClock);
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();
        var manager = Actors.Manager;
        var lawyer = new Actor("l-001", "Jo Counsel", null) { Roles = [LegalReviewStep.Role] };
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(manager), StepIds.SeekResolution, manager);

        async Task<ComplaintCase> Run(string action, string body, Actor? actor = null) =>
            await t.Desk.ExecuteAsync(factory.Create(action, c.Id, actor ?? manager, JsonDocument.Parse(body).RootElement, expectedVersion: c.Version));

        c = await Run("capture-desired-outcome", """{ "kind": "Refund", "details": "All of it back" }""");
        c = await Run("propose", """{ "remedies": [ { "kind": "Refund", "description": "Full refund", "amount": { "amount": 1500, "currency": "GBP" } } ], "explanation": "A full refund." }""");
        c = await Run("accept", """{ "proposalNumber": 1, "channel": "Phone" }""");
        c.Step.Should().Be(LegalReviewStep.Id);
        c = await Run(LegalReviewStep.Decline, """{ "reason": "Over the contract's cap." }""", lawyer);
        c.Step.Should().Be(StepIds.SeekResolution);
        c = await Run("propose", """{ "remedies": [ { "kind": "Refund", "description": "Refund to the cap", "amount": { "amount": 1200, "currency": "GBP" } } ], "explanation": "Refund to the cap." }""");
        c = await Run("accept", """{ "proposalNumber": 2 }""");
        c = await Run("approve-legal-review", """{ "input": { "reference": "LF-9" } }""", lawyer);

        c.Step.Should().Be(StepIds.Fulfil);
        c.StepRecords[^1].Input!.Value.GetProperty("reference").GetString().Should().Be("LF-9");
        factory.Actions.Should().Contain(["propose", "approve-legal-review", LegalReviewStep.Decline]);
    }

    [Theory]
    [InlineData("send-to-court", "{}", "action", "is not an action of process")]
    [InlineData("propose", "[1, 2]", "body", "must be a JSON object")]
    [InlineData("propose", "\"text\"", "body", "must be a JSON object")]
    [InlineData("propose", """{ "caseId": "x", "explanation": "e", "remedies": [] }""", "body.caseId", "must not be in the body")]
    [InlineData("propose", """{ "actor": { "id": "x" } }""", "body.actor", "must not be in the body")]
    [InlineData("propose", """{ "command": "accept" }""", "body.command", "must not be in the body")]
    [InlineData("accept", """{ "proposalNumber": "one" }""", "body.proposalNumber", "cannot be read as a 'accept' command")]
    [InlineData("accept", """{ }""", "body", "proposalNumber")]
    [InlineData("accept", """{ "proposalNumber": 1, "chanel": "Phone" }""", "body.chanel", "cannot be read")]
    [InlineData("accept", """{ "proposalNumber": 1, "channel": "Pigeon" }""", "body.channel", "cannot be read")]
    [InlineData("propose", """{ "remedies": [ { "kind": "Refund", "description": "d", "amount": { "amount": "lots", "currency": "GBP" } } ], "explanation": "e" }""", "body.remedies[0].amount.amount", "cannot be read")]
    [InlineData("approve-legal-review", """{ "input": { "reference": "LF" }, "stepId": "other" }""", "body.stepId", "takes 'input' and 'reason'")]
    [InlineData(LegalReviewStep.Decline, """{ "reason": 42 }""", "body.reason", "must be a string")]
    [InlineData("add-note", """{ "text": "a", "text": "b" }""", "body.text", "is given twice")]
    [InlineData("approve-legal-review", """{ "input": { "reference": "LF" }, "input": { "reference": "LG" } }""", "body.input", "is given twice")]
    [InlineData("propose", """{ "remedies": [ { "kind": "Refund", "kind": "Credit", "description": "d", "amount": { "amount": 5, "currency": "GBP" } } ], "explanation": "e" }""", "body.remedies[0].kind", "cannot be read")]
    public void Create_BadActionOrBody_IsATypedErrorNamingTheMember(string action, string body, string field, string message)
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new LegalReviewStep())), LegalReviewStep.AddClock);
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();

        var act = () => factory.Create(action, Case, Actors.Agent, JsonDocument.Parse(body).RootElement);

        var error = act.Should().Throw<ComplaintValidationException>().Which;
        error.Field.Should().Be(field);
        error.Message.Should().Contain(message);
        error.InnerException.Should().Match(e => e == null || e is JsonException, "a JSON error may be kept as the cause, never thrown raw");
    }

    [Fact]
    public void Create_ForAnActorWithoutADisplayName_IsAValidationErrorNamingIt_NotARawJsonException()
    {
        // The actor is written into the body before it is read as a command, and writing it outside the error handling
        // let JSON's own refusal of a null name escape (a queue consumer's actor built from a message, say).
        using var t = new TestDesk();
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();

        var act = () => factory.Create("add-note", Case, new Actor("a-1", null!, "agent"), JsonDocument.Parse("""{ "text": "n" }""").RootElement);

        act.Should().Throw<ComplaintValidationException>().Which.Field.Should().Be("Actor.DisplayName");
    }

    [Fact]
    public void Create_CustomStepInputWithAMemberGivenTwice_IsRefusedWhenTheCommandRuns_NotReadAsTheLastOne()
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new LegalReviewStep())), LegalReviewStep.AddClock);
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();
        var command = (CompleteStep)factory.Create("approve-legal-review", Case, Actors.Agent, JsonDocument.Parse("""{ "input": { "reference": "LF-1", "reference": "LF-2" } }""").RootElement);

        var read = () => command.Fingerprint(t.Services.GetRequiredService<ComplaintProcess>());

        read.Should().Throw<ComplaintValidationException>().Which.Field.Should().StartWith("Input");
    }

    [Fact]
    public void Create_BodiesLeavingOutMembersWithDefaults_KeepTheDocumentedDefaults()
    {
        // The generated JSON reader passes a type's zero for an init-only member the JSON leaves out: an acknowledgement
        // read as "not thanked" (PR-04), a complaint opened at Low, a decision heard by email. Each must keep its default.
        using var t = new TestDesk();
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();
        static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement;
        const string Owner = """{ "owner": { "id": "a-1", "displayName": "Sam", "tier": "agent" } }""";

        factory.Create("acknowledge", Case, Actors.Agent, Body(Owner)).Should().BeOfType<AcknowledgeComplaint>().Which.ThankedAndApologised.Should().BeTrue();
        factory.Create("accept", Case, Actors.Agent, Body("""{ "proposalNumber": 1 }""")).Should().BeOfType<AcceptProposal>().Which.Channel.Should().Be(Channel.Phone);
        factory.Create("reject", Case, Actors.Agent, Body("""{ "proposalNumber": 1, "counterSuggestion": "More money" }""")).Should().BeOfType<RejectProposal>().Which.Channel.Should().Be(Channel.Phone);
        factory.Create("record-statement", Case, Actors.Agent, Body("""{ "text": "It was late." }""")).Should().BeOfType<RecordStatement>().Which.Channel.Should().Be(Channel.Phone);
        var opened = JsonSerializer.Deserialize<OpenComplaint>("""{ "customerRef": "c-1", "summary": "Late", "channel": "Email", "actor": { "id": "a-1", "displayName": "Sam", "tier": "agent" } }""", ComplaintFlow.Serialization.ComplaintFlowJson.Options);
        opened!.Severity.Should().Be(Severity.Medium);

        // Given, they are read as given.
        factory.Create("acknowledge", Case, Actors.Agent, Body("""{ "owner": { "id": "a-1", "displayName": "Sam", "tier": "agent" }, "thankedAndApologised": false }""")).Should().BeOfType<AcknowledgeComplaint>().Which.ThankedAndApologised.Should().BeFalse();
        factory.Create("accept", Case, Actors.Agent, Body("""{ "proposalNumber": 1, "channel": "Chat" }""")).Should().BeOfType<AcceptProposal>().Which.Channel.Should().Be(Channel.Chat);
    }

    [Fact]
    public void ContractOptions_ACommandWithAMemberGivenTwice_IsRefused()
    {
        // An app reading commands off a queue with the public options gets an error, not the last of the two.
        var json = $$"""{ "command": "add-note", "caseId": "{{Case}}", "actor": { "id": "a-1", "displayName": "Sam", "tier": "agent" }, "text": "first", "text": "second" }""";

        var read = () => JsonSerializer.Deserialize<ComplaintCommand>(json, ComplaintFlow.Serialization.ComplaintFlowJson.Options);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void Create_CustomStepInputOfTheWrongShape_IsRefusedWhenTheCommandRuns_NamingTheInputMember()
    {
        using var t = new TestDesk(b => b.ConfigureProcess(p => p.InsertBefore(StepIds.Fulfil, new LegalReviewStep())), LegalReviewStep.AddClock);
        var factory = t.Services.GetRequiredService<ComplaintCommandFactory>();
        var command = (CompleteStep)factory.Create("approve-legal-review", Case, Actors.Agent, JsonDocument.Parse("""{ "input": { "reference": 7 } }""").RootElement);

        var read = () => command.Fingerprint(t.Services.GetRequiredService<ComplaintProcess>());

        read.Should().Throw<ComplaintValidationException>().Which.Field.Should().Be("Input.reference");
    }
}
