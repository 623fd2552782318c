using ComplaintFlow.Outbox;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Health;

/// <summary>
/// <c>AddHealthChecks().AddComplaintFlow()</c> reports each state it can see: the store answering (and not), the hosted
/// workers polling, backing off and stale, and the outbox with parked or long-waiting events.
/// </summary>
public sealed class ComplaintFlowHealthChecksTests
{
    [Fact]
    public async Task Check_FreshInMemoryDesk_IsHealthyOnAllThreeChecks()
    {
        using var app = new App();

        var report = await app.CheckAsync();

        report.Entries.Keys.Should().BeEquivalentTo("complaintflow-store", "complaintflow-workers", "complaintflow-outbox");
        report.Status.Should().Be(HealthStatus.Healthy, string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}")));
        report.Entries["complaintflow-workers"].Description.Should().Be("No ComplaintFlow worker is hosted.");
    }

    [Fact]
    public async Task StoreCheck_OnASqliteFile_IsHealthy_AndReportsItsSchemaVersion()
    {
        var folder = Directory.CreateTempSubdirectory("complaintflow-").FullName;
        try
        {
            using (var app = new App(b => b.UseSqlite($"Data Source={Path.Combine(folder, "c.db")}")))
            {
                var entry = (await app.CheckAsync()).Entries["complaintflow-store"];

                entry.Status.Should().Be(HealthStatus.Healthy);
                entry.Data["store"].Should().Be("SQLite");
                entry.Data["schemaVersion"].Should().Be(6, "version 6 added the handlers that handled an event to the outbox");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StoreCheck_OnAFileThatIsNotADatabase_IsUnhealthy_NamingTheFile()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("complaintflow-").FullName, "c.db");
        await File.WriteAllBytesAsync(file, [.. Enumerable.Repeat((byte)0x42, 4096)]);
        using var app = new App(b => b.UseSqlite($"Data Source={file}"));

        var entry = (await app.CheckAsync()).Entries["complaintflow-store"];

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain(file).And.Contain("not a SQLite database");
        entry.Exception.Should().BeOfType<ComplaintStoreException>();
    }

    [Fact]
    public async Task WorkerCheck_PollingThenBackingOffThenStaleThenRecovered_IsHealthyDegradedUnhealthyHealthy()
    {
        var inner = new InMemoryComplaintStore();
        var store = new OutageStore(inner);
        using var host = HostWithDeadlineWorker(store, out var time);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        async Task<HealthReportEntry> WorkersAsync() => (await health.CheckHealthAsync(r => r.Name == "complaintflow-workers")).Entries["complaintflow-workers"];

        await WaitAsync(() => store.ClaimAttempts >= 1);
        await WaitAsync(async () => (await WorkersAsync()).Status == HealthStatus.Healthy);

        store.FailNext(claims: int.MaxValue, finds: 0);
        var attempts = store.ClaimAttempts;

        // The worker reports the poll done a moment before it starts waiting on the fake clock: a single advance made
        // in that moment is missed and the worker would wait for ever (seen once in CI). So the clock moves in small
        // steps until the next poll starts, well within the 30-second back-off, so that poll is the only failure.
        await WaitAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return store.ClaimAttempts > attempts;
        });
        var backingOff = await WorkersAsync();
        backingOff.Status.Should().Be(HealthStatus.Degraded);
        backingOff.Description.Should().Contain("deadline-worker is backing off after 1 failed poll");

        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        var stale = await WorkersAsync();
        stale.Status.Should().Be(HealthStatus.Unhealthy, "no poll completed for more than three intervals");
        stale.Description.Should().Contain("has completed no poll since").And.Contain("simulated outage");

        store.FailNext(claims: 0, finds: 0);
        await WaitAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return (await WorkersAsync()).Status == HealthStatus.Healthy;
        });

        await host.StopAsync();
        (await WorkersAsync()).Status.Should().Be(HealthStatus.Unhealthy, "a stopped worker is not polling");
    }

    [Fact]
    public async Task WorkerCheck_AWorkerWhoseFirstPollFailed_IsUnhealthyAtOnce()
    {
        // The store is down when the host starts: no poll has ever completed, so there is nothing to wait for.
        var store = new OutageStore(new InMemoryComplaintStore());
        store.FailNext(claims: int.MaxValue, finds: 0);
        using var host = HostWithDeadlineWorker(store, out _);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await WaitAsync(() => store.ClaimAttempts >= 1);

        await WaitAsync(async () => (await health.CheckHealthAsync(r => r.Name == "complaintflow-workers")).Entries["complaintflow-workers"].Status == HealthStatus.Unhealthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task WorkerCheck_AWorkerStuckInItsFirstPoll_IsUnhealthyOnceThreeIntervalsHavePassed()
    {
        // The first poll never returns (a handler or a store call hanging): with no poll ever completed and no failure,
        // the worker read as polling for ever.
        var store = new HangingClaimStore(new InMemoryComplaintStore());
        using var host = HostWithDeadlineWorker(store, out var time);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await WaitAsync(() => store.Claims >= 1);

        time.Advance(TimeSpan.FromMinutes(4));
        var stuck = (await health.CheckHealthAsync(r => r.Name == "complaintflow-workers")).Entries["complaintflow-workers"];

        stuck.Status.Should().Be(HealthStatus.Unhealthy, "no poll completed in more than three one-minute intervals since the worker started");
        stuck.Description.Should().Contain("has completed no poll since it started");
        await host.StopAsync();
    }

    [Fact]
    public async Task OutboxCheck_WithAParkedEvent_IsDegraded_AndHealthyAgainAfterRedrive()
    {
        var handler = new FailingHandler();
        using var app = new App(b => b.Services.AddSingleton<Events.IComplaintEventHandler>(handler), o => o.Outbox.MaxAttempts = 1);
        var c = await app.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });

        var parked = (await app.CheckAsync()).Entries["complaintflow-outbox"];

        parked.Status.Should().Be(HealthStatus.Degraded);
        parked.Description.Should().Contain("1 event(s) are parked");
        parked.Data["parked"].Should().Be(1);

        handler.Healed = true;
        await app.Services.GetRequiredService<IComplaintOutbox>().RedriveAsync(c.Id);
        await app.Services.GetRequiredService<IComplaintOutbox>().DispatchPendingAsync();
        (await app.CheckAsync()).Entries["complaintflow-outbox"].Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task OutboxCheck_WithAnEventWaitingLongerThanAllowed_IsDegraded()
    {
        using var app = new App(b => b.AddEventHandler<RecordingHandler>(), o => o.Outbox.DispatchAfterCommand = false, h => h.MaxUndeliveredAge = TimeSpan.FromMinutes(10));
        await app.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        (await app.CheckAsync()).Entries["complaintflow-outbox"].Status.Should().Be(HealthStatus.Healthy, "the event has only just been written");

        app.Time.Advance(TimeSpan.FromMinutes(11));

        var late = (await app.CheckAsync()).Entries["complaintflow-outbox"];
        late.Status.Should().Be(HealthStatus.Degraded);
        late.Description.Should().Contain("the oldest undelivered event has waited 00:11:00");
    }

    public static TheoryData<Action<ComplaintFlow.Health.ComplaintFlowHealthCheckOptions>, string> BadThresholds => new()
    {
        { o => o.WorkerStaleAfterIntervals = 0.5, "WorkerStaleAfterIntervals is 0.5" },
        { o => o.MaxParkedEvents = -1, "MaxParkedEvents is -1" },
        { o => o.MaxUndeliveredAge = TimeSpan.Zero, "MaxUndeliveredAge is 00:00:00" },
    };

    [Theory]
    [MemberData(nameof(BadThresholds))]
    public void AddComplaintFlow_BadThreshold_IsRefusedNamingIt(Action<ComplaintFlow.Health.ComplaintFlowHealthCheckOptions> configure, string message)
    {
        var act = () => new ServiceCollection().AddHealthChecks().AddComplaintFlow(configure);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(message);
    }

    private static IHost HostWithDeadlineWorker(IComplaintStore store, out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(TestDesk.Start);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddComplaintFlow().UseStore(_ => store).AddDeadlineWorker(o =>
        {
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.FailureBackoff.FirstDelay = TimeSpan.FromSeconds(30);
            o.FailureBackoff.Jitter = 0;
        });
        builder.Services.AddHealthChecks().AddComplaintFlow();
        return builder.Build();
    }

    private static async Task WaitAsync(Func<bool> condition) => await WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class FailingHandler : Events.IComplaintEventHandler
    {
        public bool Healed { get; set; }

        public ValueTask HandleAsync(Events.ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken) =>
            Healed ? ValueTask.CompletedTask : throw new InvalidOperationException("mail server down");
    }

    /// <summary>A desk with the health checks, on a fake clock, built as an app would through DI.</summary>
    private sealed class App : IDisposable
    {
        private readonly ServiceProvider _provider;

        public App(Action<ComplaintFlowBuilder>? configure = null, Action<ComplaintFlowOptions>? options = null, Action<ComplaintFlow.Health.ComplaintFlowHealthCheckOptions>? health = null)
        {
            var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
            var builder = services.AddComplaintFlow(options);
            configure?.Invoke(builder);
            // The health check service logs through the app's logging, as every host provides.
            services.AddLogging().AddHealthChecks().AddComplaintFlow(health);
            _provider = services.BuildServiceProvider();
        }

        public FakeTimeProvider Time { get; } = new(TestDesk.Start);

        public IServiceProvider Services => _provider;

        public IComplaintDesk Desk => _provider.GetRequiredService<IComplaintDesk>();

        public Task<HealthReport> CheckAsync() => _provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        public void Dispose() => _provider.Dispose();
    }
}
