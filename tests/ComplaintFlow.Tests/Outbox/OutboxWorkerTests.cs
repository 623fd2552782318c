using ComplaintFlow.Outbox;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintFlow.Tests.Outbox;

public sealed class OutboxWorkerTests
{
    [Fact]
    public async Task HostedWorker_DeliversWhatCommandsLeftInTheOutbox_RetriesAFailure_AndStopsCleanly()
    {
        var flaky = new FlakyHandler(failures: 1);
        using var t = new TestDesk(
            b => b.AddOutboxWorker().Services.AddSingleton<Events.IComplaintEventHandler>(flaky),
            o =>
            {
                o.Outbox.DispatchAfterCommand = false;
                o.Outbox.PollInterval = TimeSpan.FromSeconds(1);
                o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(30);
            });
        var c = await t.OpenAsync();
        c = await t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent });
        t.Handled.Events.Should().BeEmpty("after-command delivery is off");

        var worker = t.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await worker.StartAsync(cancel.Token);
        while (t.Handled.Events.Count < c.Version || flaky.Seen < c.Version)
        {
            cancel.Token.ThrowIfCancellationRequested();
            t.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, cancel.Token);
        }

        var stop = worker.StopAsync(CancellationToken.None);
        (await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(stop, "the worker stops when asked");
        flaky.Failed.Should().Be(1);
        t.Handled.Events.Select(e => e.Sequence).Distinct().Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i), "every event arrives, in order");
        (await t.Services.GetRequiredService<IComplaintOutbox>().ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Desk_WithoutHandlers_LeavesTheOutboxEmpty()
    {
        var services = new ServiceCollection();
        services.AddComplaintFlow();
        using var provider = services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();

        await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });

        (await provider.GetRequiredService<IComplaintOutbox>().ListAsync(new OutboxQuery())).Should().BeEmpty("no one is listening, so nothing is queued");
    }

    private sealed class FlakyHandler(int failures) : Events.IComplaintEventHandler
    {
        private int _left = failures;

        public int Failed { get; private set; }

        public int Seen { get; private set; }

        public ValueTask HandleAsync(Events.ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
        {
            if (_left > 0)
            {
                _left--;
                Failed++;
                throw new InvalidOperationException("CRM offline");
            }

            Seen++;
            return ValueTask.CompletedTask;
        }
    }
}
