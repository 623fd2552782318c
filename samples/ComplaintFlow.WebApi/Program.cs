using ComplaintFlow.AspNetCore;
using ComplaintFlow.Process;
using ComplaintFlow.WebApi;
using Microsoft.AspNetCore.Authentication;

// A complaints back office: the ComplaintFlow API and the operator dashboard over SQLite, with the deadline and outbox
// workers, health checks, a VIP escalation policy, a legal-review step for large remedies and an email handler.
var builder = WebApplication.CreateBuilder(args);
var database = builder.Configuration["ComplaintFlow:Database"] ?? "complaints.db";

builder.Services.AddComplaintFlow()
    .UseSqlite($"Data Source={database}")
    .ConfigureProcess(process => process.Named("back-office").InsertBefore(StepIds.Fulfil, new LegalReviewStep()))
    .AddEscalationPolicy<VipPolicy>()
    .AddEventHandler<EmailHandler>()
    .AddDeadlineWorker()
    .AddOutboxWorker();
builder.Services.AddComplaintFlowWeb(web => web.AdminPolicy = "complaints-admin");
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("complaints-admin", policy => policy.RequireRole("complaints-admin"));
builder.Services.AddHealthChecks().AddComplaintFlow();
builder.Services.AddOpenApi();

if (builder.Environment.IsDevelopment())
{
    // Development only: the X-Demo-User header or demo-user cookie says who is calling (see DemoUserAuthentication).
    builder.Services.AddAuthentication(DemoUserAuthentication.SchemeName)
        .AddScheme<AuthenticationSchemeOptions, DemoUserAuthentication>(DemoUserAuthentication.SchemeName, null);
}
else
{
    throw new InvalidOperationException("The sample signs users in only in Development; configure your identity provider (cookies, OpenID Connect, JWT bearer) before running it elsewhere.");
}

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapComplaintFlow("/complaints");
app.MapComplaintFlowDashboard("/complaints/ui");
app.MapHealthChecks("/health");
app.MapOpenApi();
app.Run();

/// <summary>The entry point, visible to the sample's tests.</summary>
public partial class Program;
