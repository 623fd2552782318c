using ComplaintFlow;
using ComplaintFlow.CrashChild;
using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: ComplaintFlow.CrashChild (load|drain) (sqlite PATH | postgres CONNECTION-STRING)
//   load:  four writers open cases and add notes until the process is killed, printing "applied ID VERSION" after each
//          command returned; after-command delivery prints "delivered ID SEQUENCE" and refuses every fourth event.
//   drain: starts the hosted outbox worker, waits until the outbox is empty, prints what it delivered and "drained".
if (args.Length != 3 || args[0] is not ("load" or "drain") || args[1] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: ComplaintFlow.CrashChild (load|drain) (sqlite PATH | postgres CONNECTION-STRING)");
    return 2;
}

var load = args[0] == "load";
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
var flow = builder.Services.AddComplaintFlow(o =>
{
    // Retries are due at once and never park: what the load phase leaves undelivered is for the next start to deliver.
    o.Outbox.FirstRetryDelay = TimeSpan.FromMilliseconds(1);
    o.Outbox.MaxRetryDelay = TimeSpan.FromMilliseconds(1);
    o.Outbox.MaxAttempts = 1_000;

    // Claims the killed process held block their cases until the lease ends; keep that short so the test is quick.
    o.Outbox.Lease = TimeSpan.FromSeconds(2);
    o.Outbox.PollInterval = TimeSpan.FromMilliseconds(50);
});
flow = args[1] == "sqlite" ? flow.UseSqlite($"Data Source={args[2]}") : flow.UsePostgreSql(args[2]);
builder.Services.AddSingleton<IComplaintEventHandler>(new PrintingHandler(refuseSome: load));
if (!load)
{
    flow.AddOutboxWorker();
}

using var host = builder.Build();
await host.StartAsync();
var desk = host.Services.GetRequiredService<IComplaintDesk>();
var outbox = host.Services.GetRequiredService<IComplaintOutbox>();
var agent = new Actor("a-1", "Sam", "agent");

if (load)
{
    await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
    {
        for (var round = 0; ; round++)
        {
            var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = $"cust-{writer}-{round}", Summary = "Late parcel", Channel = Channel.Email, Actor = agent });
            Output.Line($"applied {c.Id} {c.Version}");
            for (var note = 0; note < 10; note++)
            {
                c = await desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = agent, Text = $"note {note}" });
                Output.Line($"applied {c.Id} {c.Version}");
            }
        }
    })));
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
while ((await outbox.ListAsync(new OutboxQuery { Limit = 1 }, timeout.Token)).Count > 0)
{
    await Task.Delay(50, timeout.Token);
}

Output.Line("drained");
await host.StopAsync();
return 0;
