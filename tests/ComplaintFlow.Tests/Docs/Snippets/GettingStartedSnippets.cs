// The C# blocks of docs/getting-started.md, compiled. DocsCodeBlockTests checks that every line of every block
// appears here, in order; change the two together.
using ComplaintFlow.Events;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class GettingStartedSnippets
{
    public static async Task RunAsync(string[] args, BusinessCalendar ukCalendar)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<IEmailSender, NoEmail>();
        builder.Services.AddComplaintFlow(options =>
            {
                options.Clocks = ClockPresets.UkFcaDisp(ukCalendar);   // or ClockPresets.Default(), AustraliaAsicRg271, UsCfpb
                options.ReopenWindow = TimeSpan.FromDays(56);
            })
            .UseSqlite("Data Source=complaints.db")
            .AddDeadlineWorker()                                    // records clock warnings and breaches as they fall due
            .AddOutboxWorker()                                      // retries event deliveries and delivers after restarts
            .AddEventHandler<CustomerMailer>();                     // your reaction to events: emails, refunds, CRM
        using var host = builder.Build();
        await host.StartAsync();

        var desk = host.Services.GetRequiredService<IComplaintDesk>();
        var agent = new Actor("a-17", "Sam Taylor", "agent");

        var complaint = await desk.OpenAsync(new OpenComplaint
        {
            CustomerRef = "cust-1042",
            Summary = "Parcel arrived two weeks late",
            Channel = Channel.Email,
            Actor = agent,
            IdempotencyKey = "email-7f3a9",                        // a retry with the same key returns the same case
        });
        complaint = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = complaint.Id, Actor = agent, Owner = agent });

        var allowed = await desk.GetPermittedActionsAsync(complaint.Id, agent);   // what the UI should offer now
        var guidance = await desk.GetGuidanceAsync(complaint.Id);                 // what the agent should do in this step
        Console.WriteLine($"{allowed.Count} actions; {guidance.Title}");

        try
        {
            await desk.ExecuteAsync(new RecordFulfilment { CaseId = complaint.Id, Actor = agent, Description = "Refund issued" });
        }
        catch (ActionNotPermittedException refused)
        {
            // "Case ... is in step 'listen', but 'record-fulfilment' needs ..."; offer refused.PermittedActions instead.
            Console.WriteLine($"{refused.Message} Try one of: {string.Join(", ", refused.PermittedActions)}");
        }
        catch (ComplaintConcurrencyException conflict)
        {
            // Someone else changed the case first: reload it and let the user decide again.
            complaint = await desk.GetAsync(conflict.CaseId);
        }

        await host.StopAsync();
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task SendAsync(string recipient, string body, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

internal interface IEmailSender
{
    Task SendAsync(string recipient, string body, string messageId, CancellationToken cancellationToken);
}

internal sealed class CustomerMailer(IEmailSender email) : IComplaintEventHandler
{
    public async ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        if (complaintEvent.Data is ComplaintAcknowledged acknowledged)
        {
            // The case id and event number identify the message, so a repeat delivery can be dropped.
            await email.SendAsync(complaint.CustomerRef, acknowledged.Message ?? "We have your complaint.", $"{complaintEvent.CaseId}/{complaintEvent.Sequence}", cancellationToken);
        }
    }
}
