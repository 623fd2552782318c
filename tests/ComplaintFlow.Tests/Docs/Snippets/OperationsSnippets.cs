// The C# blocks of docs/operations.md, compiled. DocsCodeBlockTests checks that every line of every block appears
// here, in order; change the two together.
using ComplaintFlow.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class OperationsSnippets
{
    public static void Register(IServiceCollection services, string connectionString)
    {
        services.AddComplaintFlow(options =>
            {
                options.Outbox.MaxAttempts = 8;                          // failed deliveries before an event is parked
                options.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(5); // doubles after each failure...
                options.Outbox.MaxRetryDelay = TimeSpan.FromMinutes(10);  // ...up to this
                options.Outbox.Lease = TimeSpan.FromMinutes(2);           // how long a dispatcher keeps a case's events to itself
            })
            .UsePostgreSql(connectionString)
            .AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromSeconds(30))
            .AddOutboxWorker();
    }

    public static void Backoff(IServiceCollection services)
    {
        services.AddComplaintFlow(options => options.Outbox.FailureBackoff.MaxDelay = TimeSpan.FromMinutes(1))
            .AddDeadlineWorker(o =>
            {
                o.FailureBackoff.FirstDelay = TimeSpan.FromSeconds(2);
                o.FailureBackoff.Jitter = 0.5;
            });
    }

    public static void HealthChecks(IServiceCollection services)
    {
        services.AddHealthChecks().AddComplaintFlow(
            o =>
            {
                o.WorkerStaleAfterIntervals = 5;
                o.MaxParkedEvents = 10;
                o.MaxUndeliveredAge = TimeSpan.FromMinutes(15);
            },
            tags: ["ready"]);
    }

    public static async Task RedriveAsync(IServiceProvider services, ComplaintId parkedCaseId)
    {
        var outbox = services.GetRequiredService<IComplaintOutbox>();
        foreach (var entry in await outbox.ListAsync(new OutboxQuery { ParkedOnly = true }))
        {
            Console.WriteLine($"{entry.CaseId} #{entry.Sequence} {entry.Event?.Data.GetType().Name ?? entry.ReadError}: {entry.Attempts} attempts, last error {entry.LastError}");
        }

        // After fixing the cause (a mail server, a bad address):
        await outbox.RedriveAsync(parkedCaseId);
    }
}
