// The C# blocks of docs/web.md, compiled. DocsCodeBlockTests checks that every line of every block appears here, in
// order; change the two together.
using ComplaintFlow.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class WebSnippets
{
    public static WebApplication BackOffice(WebApplicationBuilder builder)
    {
        builder.Services.AddComplaintFlow().UseSqlite("Data Source=complaints.db").AddDeadlineWorker().AddOutboxWorker();
        builder.Services.AddComplaintFlowWeb(web => web.AdminPolicy = "complaints-admin");
        builder.Services.AddAuthorizationBuilder().AddPolicy("complaints-admin", policy => policy.RequireRole("complaints-admin"));
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapComplaintFlow("/complaints");
        app.MapComplaintFlowDashboard("/complaints/ui");
        app.MapOpenApi();
        return app;
    }
}
