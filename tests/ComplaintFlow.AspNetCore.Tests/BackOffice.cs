using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.AspNetCore.Tests;

/// <summary>
/// The sample back office (samples/ComplaintFlow.WebApi) under test: its own Program, in Development (so the demo
/// sign-in header works), on a temporary SQLite file, with a fake clock.
/// </summary>
internal sealed class BackOffice : WebApplicationFactory<Program>
{
    public const string Agent = "a-1|Sam Agent|agent";
    public const string Supervisor = "s-1|Pat Supervisor|supervisor";
    public const string Admin = "ad-1|Alex Admin|agent|complaints-admin";

    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-web-").FullName;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ComplaintFlow:Database", Path.Combine(_folder, "complaints.db"));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A client signed in as <paramref name="user"/> (id|name|tier|roles), or anonymous when null.</summary>
    public HttpClient As(string? user)
    {
        var client = CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-Demo-User", user);
        }

        return client;
    }

    public static async Task<JsonObject> OpenAsync(HttpClient client, string customer = "cust-1")
    {
        var response = await client.PostAsJsonAsync("/complaints", new { customerRef = customer, summary = "Parcel two weeks late", channel = "Email" });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, string id, string action, object? body = null, string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/actions/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    public static JsonElement Owner(string id = "a-1", string name = "Sam Agent", string tier = "agent") =>
        JsonSerializer.SerializeToElement(new { id, displayName = name, tier });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold the file for a moment; the temporary folder is cleaned up by the system.
        }
    }
}
