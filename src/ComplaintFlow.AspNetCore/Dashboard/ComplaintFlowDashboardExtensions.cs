using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.AspNetCore;

/// <summary>Maps the operator dashboard.</summary>
public static class ComplaintFlowDashboardExtensions
{
    /// <summary>
    /// Maps the server-rendered operator dashboard under <paramref name="prefix"/>: an overview (cases by step, clocks
    /// at risk, breaches today, parked events), the case list, a case page whose actions are forms, a form to open a
    /// complaint, the process and reports. Every page requires <see cref="ComplaintFlowWebOptions.DashboardPolicy"/>
    /// (the default policy when null), so anonymous users are refused. Its stylesheet is embedded in the package.
    /// </summary>
    public static RouteGroupBuilder MapComplaintFlowDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/complaints/ui")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var options = endpoints.ServiceProvider.GetService<IOptions<ComplaintFlowWebOptions>>()?.Value
            ?? throw new InvalidOperationException("MapComplaintFlowDashboard needs services.AddComplaintFlowWeb() first.");
        var root = prefix.TrimEnd('/');
        var group = endpoints.MapGroup(root).ExcludeFromDescription().AddEndpointFilter<ProblemFilter>().AddEndpointFilter<SignedInFilter>();
        ComplaintFlowEndpointRouteBuilderExtensions.Authorize(group, options.DashboardPolicy);
        DashboardPages Pages(HttpContext http) => new(
            root, options.AdminPolicy, http.RequestServices.GetRequiredService<IComplaintDesk>(),
            http.RequestServices.GetRequiredService<IAntiforgery>(), http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System, http.RequestServices);

        group.MapGet("/", (HttpContext http, CancellationToken ct) => Pages(http).OverviewAsync(http, ct));
        group.MapGet("/cases", (HttpContext http, CancellationToken ct) => Pages(http).CasesAsync(http, ct));
        group.MapGet("/cases/{id}", (HttpContext http, string id, CancellationToken ct) => Pages(http).CaseAsync(http, id, ct));
        group.MapPost("/cases/{id}/actions/{action}", (HttpContext http, string id, string action, ComplaintCommandFactory factory, CancellationToken ct) => Pages(http).ActAsync(http, id, action, factory, ct)).DisableAntiforgery();
        group.MapGet("/new", (HttpContext http, CancellationToken ct) => Pages(http).NewAsync(http, ct));
        group.MapPost("/new", (HttpContext http, CancellationToken ct) => Pages(http).OpenAsync(http, ct)).DisableAntiforgery();
        group.MapGet("/process", (HttpContext http, CancellationToken ct) => Pages(http).ProcessAsync(http, ct));
        group.MapGet("/reports", (HttpContext http, CancellationToken ct) => Pages(http).ReportsAsync(http, ct));
        group.MapGet("/dashboard.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"));
        return group;
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(ComplaintFlowDashboardExtensions).Assembly.GetManifestResourceStream("ComplaintFlow.AspNetCore.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard's stylesheet is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
