// The C# blocks of docs/json-contract.md, compiled. DocsCodeBlockTests checks that every line of every block appears
// here, in order; change the two together.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ComplaintFlow.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets.JsonContract;

internal static class ContractOptions
{
    public static async Task<(ComplaintCommand Received, string LastEvent, JsonSerializerOptions AppOptions)> UseAsync(ComplaintCommand command, IComplaintDesk desk, ComplaintId caseId)
    {
        var json = JsonSerializer.Serialize<ComplaintCommand>(command, ComplaintFlowJson.Options);
        var received = JsonSerializer.Deserialize<ComplaintCommand>(json, ComplaintFlowJson.Options)!;
        var history = await desk.GetHistoryAsync(caseId);
        var lastEvent = JsonSerializer.Serialize(history[^1], ComplaintFlowJson.Options);

        var appOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true };
        appOptions.TypeInfoResolverChain.Insert(0, ComplaintFlowJson.TypeInfoResolver);
        appOptions.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());   // the app's own types
        return (received, lastEvent, appOptions);
    }
}

internal static class CommandFactory
{
    public static async Task UseAsync(IServiceProvider services, IComplaintDesk desk, ComplaintId caseId, Actor agent)
    {
        var factory = services.GetRequiredService<ComplaintCommandFactory>();
        using var body = JsonDocument.Parse("""{ "remedies": [{ "kind": "Credit", "description": "Account credit for the late delivery", "amount": { "amount": 20, "currency": "GBP" } }], "explanation": "We are sorry the parcel was two weeks late." }""");
        try
        {
            var command = factory.Create("propose", caseId, agent, body.RootElement, idempotencyKey: "req-5d1c", expectedVersion: 9);
            var updated = await desk.ExecuteAsync(command);
        }
        catch (ComplaintValidationException invalid)
        {
            Console.WriteLine($"400 {invalid.Field}: {invalid.Reason}");   // for example "body.remedies[0].kind: cannot be read ..."
        }
    }
}
