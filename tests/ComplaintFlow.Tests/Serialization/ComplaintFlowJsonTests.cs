using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ComplaintFlow.Events;
using ComplaintFlow.Serialization;

namespace ComplaintFlow.Tests.Serialization;

/// <summary>
/// The public JSON contract: every command and every event round-trips through <see cref="ComplaintFlowJson.Options"/>
/// with its documented discriminator and enums as strings, and the schemas in docs/schema are what the code exports.
/// </summary>
public sealed class ComplaintFlowJsonTests
{
    public static TheoryData<Type> CommandTypes => [.. DerivedTypes(typeof(ComplaintCommand)).Select(d => d.Type)];

    public static TheoryData<Type> EventTypes => [.. DerivedTypes(typeof(ComplaintEventData)).Select(d => d.Type)];

    [Theory]
    [MemberData(nameof(CommandTypes))]
    public void Command_RoundTripsWithItsDiscriminator(Type type)
    {
        var command = (ComplaintCommand)SampleValues.Of(type);

        var json = JsonSerializer.Serialize(command, ComplaintFlowJson.Options);
        var back = JsonSerializer.Deserialize<ComplaintCommand>(json, ComplaintFlowJson.Options)!;

        back.Should().BeOfType(type);
        JsonSerializer.Serialize(back, ComplaintFlowJson.Options).Should().Be(json);
        JsonNode.Parse(json)!["command"]!.GetValue<string>().Should().Be(Discriminator(typeof(ComplaintCommand), type)).And.Be(command.Action == ComplaintFlow.Process.ComplaintActions.CompleteStep ? "complete-step" : command.Action);
        NoEnumAsNumber(JsonNode.Parse(json)!, type);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Event_RoundTripsWithItsDiscriminator(Type type)
    {
        var data = (ComplaintEventData)SampleValues.Of(type);
        var complaintEvent = new ComplaintEvent(ComplaintId.Parse("01950000-0000-7000-8000-000000000001"), 7, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new Actor("a-1", "Sam", "agent"), "listen", data);

        var json = JsonSerializer.Serialize(complaintEvent, ComplaintFlowJson.Options);
        var back = JsonSerializer.Deserialize<ComplaintEvent>(json, ComplaintFlowJson.Options)!;

        back.Data.Should().BeOfType(type);
        JsonSerializer.Serialize(back, ComplaintFlowJson.Options).Should().Be(json);
        JsonNode.Parse(json)!["data"]!["type"]!.GetValue<string>().Should().Be(Discriminator(typeof(ComplaintEventData), type));
        NoEnumAsNumber(JsonNode.Parse(json)!, type);
    }

    [Fact]
    public void CompleteStep_InputRoundTripsAsTheStepsOwnJson()
    {
        var command = new CompleteStep
        {
            CaseId = ComplaintId.Parse("01950000-0000-7000-8000-000000000001"),
            Actor = new Actor("l-1", "Jo", null) { Roles = ["legal"] },
            StepId = "legal-review",
            InputJson = JsonSerializer.SerializeToElement(new { reference = "LF-7", conditions = "Within the cap" }),
        };

        var json = JsonSerializer.Serialize<ComplaintCommand>(command, ComplaintFlowJson.Options);
        var back = (CompleteStep)JsonSerializer.Deserialize<ComplaintCommand>(json, ComplaintFlowJson.Options)!;

        JsonNode.Parse(json)!["input"]!["reference"]!.GetValue<string>().Should().Be("LF-7");
        back.InputJson!.Value.GetProperty("conditions").GetString().Should().Be("Within the cap");
        back.Actor.Tier.Should().BeNull();
        back.Actor.Roles.Should().Equal("legal");
    }

    [Fact]
    public void EveryCommandAndEvent_IsCoveredByTheContract()
    {
        var commands = typeof(ComplaintCommand).Assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(ComplaintCommand)));
        var events = typeof(ComplaintEventData).Assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(ComplaintEventData)));

        DerivedTypes(typeof(ComplaintCommand)).Select(d => d.Type).Should().BeEquivalentTo(commands, "every public command has a discriminator");
        DerivedTypes(typeof(ComplaintEventData)).Select(d => d.Type).Should().BeEquivalentTo(events, "every public event has a discriminator");
    }

    [Theory]
    [InlineData("complaintflow-commands.schema.json")]
    [InlineData("complaintflow-events.schema.json")]
    public void Schema_InDocs_IsWhatTheCodeExports(string file)
    {
        var exported = (file.Contains("commands", StringComparison.Ordinal) ? ComplaintFlowJson.GetCommandSchema() : ComplaintFlowJson.GetEventSchema()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "schema", file);

        // COMPLAINTFLOW_UPDATE_SCHEMAS=1 rewrites the files after a deliberate change to the contract.
        if (Environment.GetEnvironmentVariable("COMPLAINTFLOW_UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, exported);
        }

        File.Exists(path).Should().BeTrue($"{path} holds the published schema");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(exported, "the published schema must match the code; rerun with COMPLAINTFLOW_UPDATE_SCHEMAS=1 after a deliberate change");
    }

    [Fact]
    public void CommandSchema_NamesEveryDiscriminatorAndEnumsAsStrings()
    {
        var schema = ComplaintFlowJson.GetCommandSchema().ToJsonString();

        foreach (var (_, discriminator) in DerivedTypes(typeof(ComplaintCommand)))
        {
            schema.Should().Contain($"\"{discriminator}\"");
        }

        schema.Should().Contain("\"SocialMedia\"", "enums are written by name");
    }

    private static IEnumerable<(Type Type, string Discriminator)> DerivedTypes(Type root) =>
        root.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (a.DerivedType, (string)a.TypeDiscriminator!));

    private static string Discriminator(Type root, Type type) => DerivedTypes(root).Single(d => d.Type == type).Discriminator;

    /// <summary>Every member the sample set to an enum is written as its name.</summary>
    private static void NoEnumAsNumber(JsonNode node, Type type)
    {
        foreach (var value in Values(node))
        {
            value.GetValueKind().Should().NotBe(JsonValueKind.Number, $"no member of {type.Name} should be a number except the counts and amounts; {value.GetPath()} is {value}", value.GetPath());
        }

        static IEnumerable<JsonNode> Values(JsonNode node) => node switch
        {
            JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Values(p.Value!)),
            JsonArray a => a.Where(v => v is not null).SelectMany(v => Values(v!)),
            _ => node.GetValueKind() == JsonValueKind.Number && IsEnumPath(node.GetPath()) ? [node] : [],
        };

        static bool IsEnumPath(string path) => path.EndsWith(".kind", StringComparison.Ordinal) || path.EndsWith(".channel", StringComparison.Ordinal) || path.EndsWith(".severity", StringComparison.Ordinal) || path.EndsWith(".status", StringComparison.Ordinal) || path.EndsWith(".flags", StringComparison.Ordinal) || path.EndsWith(".reason", StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplaintFlow.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
