using ComplaintFlow.Events;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Time;

public sealed class DeadlineWorkerTests
{
    // A second past the acknowledgement deadline (Tue 3 March 17:00): at the instant itself nothing has been missed yet.
    private static readonly DateTimeOffset AfterAcknowledgeDeadline = new(2026, 3, 3, 17, 0, 1, TimeSpan.Zero);

    [Fact]
    public async Task TwoWorkersOnTwoDesksSharingOneStore_RecordEachWarningAndBreachOnce()
    {
        using var first = new TestDesk();
        using var second = new TestDesk(b => b.UseStore(_ => first.Store));
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add((await first.OpenAsync(customer: $"cust-{i}")).Id);
        }

        first.Time.SetUtcNow(AfterAcknowledgeDeadline);
        second.Time.SetUtcNow(AfterAcknowledgeDeadline);
        var options = Options.Create(new DeadlineWorkerOptions { BatchSize = 7, Lease = TimeSpan.FromMilliseconds(1) });
        var workers = new[]
        {
            new DeadlineWorker(first.Desk, first.Store, first.Time, options),
            new DeadlineWorker(second.Desk, first.Store, second.Time, options),
        };

        // Both race over the same due cases until nothing is left; leases are short so they collide often.
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 40; round++)
            {
                await w.RunOnceAsync();
            }
        })));

        foreach (var id in ids)
        {
            var history = await first.Desk.GetHistoryAsync(id);
            history.Select(e => e.Data).OfType<ClockWarned>().Where(w => w.Name == ClockNames.Acknowledge).Should().ContainSingle();
            history.Select(e => e.Data).OfType<ClockBreached>().Where(b => b.Name == ClockNames.Acknowledge).Should().ContainSingle();
            history.Select(e => e.Data).OfType<ComplaintEscalated>().Should().ContainSingle();
            history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(n => (long)n));
            (await first.Desk.GetAsync(id)).Tier.Should().Be("supervisor");
        }
    }

    [Fact]
    public async Task RecordDueClocks_CalledConcurrently_RecordsTheBreachOnce()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        t.Time.SetUtcNow(AfterAcknowledgeDeadline);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await t.Desk.RecordDueClocksAsync(c.Id))));

        (await t.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is ClockBreached).Should().Be(1);
    }

    [Fact]
    public async Task RunOnce_AfterARestart_DoesNotRecordAgain()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        t.Time.SetUtcNow(AfterAcknowledgeDeadline);
        var options = Options.Create(new DeadlineWorkerOptions());
        await new DeadlineWorker(t.Desk, t.Store, t.Time, options).RunOnceAsync();
        var version = (await t.Desk.GetAsync(c.Id)).Version;

        t.Time.Advance(TimeSpan.FromMinutes(5));
        await new DeadlineWorker(t.Desk, t.Store, t.Time, options).RunOnceAsync();

        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(version);
    }

    [Fact]
    public async Task HostedWorker_PollsOnTheFakeClock_EscalatesABreach_AndStopsCleanly()
    {
        using var t = new TestDesk(b => b.AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromMinutes(1)));
        var worker = t.Services.GetServices<IHostedService>().OfType<DeadlineWorker>().Single();
        var c = await t.OpenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await worker.StartAsync(cancel.Token);

        t.Time.SetUtcNow(AfterAcknowledgeDeadline.AddMinutes(-1));
        while ((await t.Desk.GetAsync(c.Id)).Tier != "supervisor")
        {
            cancel.Token.ThrowIfCancellationRequested();
            t.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10, cancel.Token);
        }

        var stop = worker.StopAsync(CancellationToken.None);
        (await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(stop, "the worker stops when asked");
        (await t.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is ClockBreached).Should().Be(1);
    }

    /// <summary>
    /// Under a real generic host: the store fails three polls and then two case reads. The worker logs, backs off and
    /// recovers by itself; the host never stops; the breach is recorded once the store is back.
    /// </summary>
    [Fact]
    public async Task HostedWorker_StoreOutageForAFewPolls_KeepsTheHostUp_AndRecordsTheBreachAfterRecovery()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestDesk.Start);
        var inner = new Storage.InMemoryComplaintStore();
        var store = new OutageStore(inner);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddComplaintFlow().UseStore(_ => store).AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromMinutes(1));
        using var host = builder.Build();
        var desk = host.Services.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        store.FailNext(claims: 3, finds: 2);
        time.SetUtcNow(AfterAcknowledgeDeadline);
        await host.StartAsync(cancel.Token);

        while ((await inner.FindAsync(c.Id))?.Tier != "supervisor" || store.ClaimAttempts < 4)
        {
            cancel.Token.ThrowIfCancellationRequested();
            lifetime.ApplicationStopping.IsCancellationRequested.Should().BeFalse("a store outage must not stop the host");
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10, cancel.Token);
        }

        lifetime.ApplicationStopping.IsCancellationRequested.Should().BeFalse();
        (await inner.GetHistoryAsync(c.Id)).Count(e => e.Data is ClockBreached).Should().Be(1);
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RunOnce_WhenAnAppPolicyThrowsOnOneCase_RecordsTheOtherCasesOfTheBatch()
    {
        using var t = new TestDesk(b => b.AddAuthorizationPolicy<ThrowsOnOneCustomer>());
        var broken = await t.OpenAsync(customer: ThrowsOnOneCustomer.Customer);
        var others = new[] { await t.OpenAsync(customer: "cust-1"), await t.OpenAsync(customer: "cust-2") };
        t.Time.SetUtcNow(AfterAcknowledgeDeadline);
        var worker = new DeadlineWorker(t.Desk, t.Store, t.Time, Options.Create(new DeadlineWorkerOptions { BatchSize = 10 }));

        var claimed = await worker.RunOnceAsync();

        claimed.Should().Be(3);
        foreach (var other in others)
        {
            (await t.Desk.GetHistoryAsync(other.Id)).Should().Contain(e => e.Data is ClockBreached, "one case's failure must not stop the others' deadlines");
        }

        (await t.Desk.GetHistoryAsync(broken.Id)).Should().NotContain(e => e.Data is ClockBreached);
    }

    [Fact]
    public async Task RunOnce_StoppedPartWay_HandsBackTheCasesItHadNotReached()
    {
        // A rolling deploy stops the worker during a batch: the cases it had not reached stayed claimed for the lease,
        // so the new instance recorded their (perhaps regulatory) breaches minutes late.
        using var stopping = new CancellationTokenSource();
        var stopper = new StopsTheHostOnFirstCase(stopping);
        using var t = new TestDesk(b => b.Services.AddSingleton<ComplaintFlow.Policies.IComplaintAuthorizationPolicy>(stopper));
        var cases = new[] { await t.OpenAsync(customer: "cust-1"), await t.OpenAsync(customer: "cust-2"), await t.OpenAsync(customer: "cust-3") };
        t.Time.SetUtcNow(AfterAcknowledgeDeadline);
        var options = Options.Create(new DeadlineWorkerOptions { BatchSize = 10, Lease = TimeSpan.FromMinutes(2) });
        var stopped = new DeadlineWorker(t.Desk, t.Store, t.Time, options);

        var poll = () => stopped.RunOnceAsync(stopping.Token);

        await poll.Should().ThrowAsync<OperationCanceledException>();
        var next = new DeadlineWorker(t.Desk, t.Store, t.Time, options);
        (await next.RunOnceAsync()).Should().Be(3, "every case is free again at once, the one the stop interrupted included");
        foreach (var c in cases)
        {
            (await t.Desk.GetHistoryAsync(c.Id)).Should().ContainSingle(e => e.Data is ClockBreached);
        }
    }

    [Fact]
    public async Task RunOnce_WhenTheStoreFailsOnEveryCaseOfTheBatch_FailsThePoll()
    {
        // A permanent store error (a read-only database file) on every case is the store's failure: the
        // poll fails, so the worker backs off and reports it, rather than logging each case and polling on as healthy.
        var broken = new SaveFailingStore(new Storage.InMemoryComplaintStore());
        using var t = new TestDesk(b => b.UseStore(_ => broken));
        await t.OpenAsync(customer: "cust-1");
        await t.OpenAsync(customer: "cust-2");
        t.Time.SetUtcNow(AfterAcknowledgeDeadline);
        broken.Failing = true;
        var worker = new DeadlineWorker(t.Desk, t.Store, t.Time, Options.Create(new DeadlineWorkerOptions()));

        var poll = () => worker.RunOnceAsync();

        (await poll.Should().ThrowAsync<ComplaintStoreException>()).Which.IsTransient.Should().BeFalse();
    }

    [Fact]
    public void AddDeadlineWorker_BadOptions_FailWithAClearMessage()
    {
        using var provider = new ServiceCollection().AddComplaintFlow().AddDeadlineWorker(o => o.BatchSize = 0).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*DeadlineWorkerOptions.BatchSize is 0; it must be 1 or more*");
    }

    [Theory]
    [InlineData("a poll interval of sixty days", "DeadlineWorkerOptions.PollInterval is 60.00:00:00; it must be positive and at most 1.00:00:00")]
    [InlineData("a lease of all time", "DeadlineWorkerOptions.Lease is 10675199.02:48:05.4775807; it must be positive and at most 1.00:00:00")]
    [InlineData("a back-off of a year", "DeadlineWorkerOptions.FailureBackoff.MaxDelay is 365.00:00:00; it must be at least FirstDelay (00:00:01) and at most 1.00:00:00")]
    public void AddDeadlineWorker_AWaitPastADay_IsRefusedAtStartUp_NotWhenTheWorkerFirstWaits(string scenario, string message)
    {
        // .NET's timers refuse a wait past about 49 days, and a lease of TimeSpan.MaxValue overflows the clock: either
        // faulted the hosted worker, and by default stopped the host, long after it started.
        using var provider = new ServiceCollection().AddComplaintFlow().AddDeadlineWorker(o =>
        {
            switch (scenario)
            {
                case "a poll interval of sixty days": o.PollInterval = TimeSpan.FromDays(60); break;
                case "a lease of all time": o.Lease = TimeSpan.MaxValue; break;
                default: o.FailureBackoff.MaxDelay = TimeSpan.FromDays(365); break;
            }
        }).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value;

        act.Should().Throw<OptionsValidationException>(scenario).WithMessage($"*{message}*");
    }

    /// <summary>An app's policy with a bug that shows only on one customer's cases, and only for the system's work.</summary>
    private sealed class ThrowsOnOneCustomer : ComplaintFlow.Policies.IComplaintAuthorizationPolicy
    {
        public const string Customer = "cust-broken";

        public ValueTask<ComplaintFlow.Policies.AuthorizationDecision> AuthorizeAsync(ComplaintFlow.Policies.AuthorizationContext context, CancellationToken cancellationToken) =>
            context.Case?.CustomerRef == Customer && context.Actor == Actor.System
                ? throw new InvalidOperationException("the policy's lookup has no entry for this customer")
                : ValueTask.FromResult(ComplaintFlow.Policies.AuthorizationDecision.Allow);
    }

    /// <summary>Stops the host (cancels its token) while the worker records the first case it claimed.</summary>
    private sealed class StopsTheHostOnFirstCase(CancellationTokenSource stopping) : ComplaintFlow.Policies.IComplaintAuthorizationPolicy
    {
        public ValueTask<ComplaintFlow.Policies.AuthorizationDecision> AuthorizeAsync(ComplaintFlow.Policies.AuthorizationContext context, CancellationToken cancellationToken)
        {
            if (context.Actor == Actor.System && !stopping.IsCancellationRequested)
            {
                stopping.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return ValueTask.FromResult(ComplaintFlow.Policies.AuthorizationDecision.Allow);
        }
    }

    /// <summary>A store whose saves fail, once told to, with a permanent error.</summary>
    private sealed class SaveFailingStore(Storage.IComplaintStore inner) : DelegatingStore(inner)
    {
        public bool Failing { get; set; }

        public override ValueTask SaveAsync(Storage.ComplaintChange change, CancellationToken cancellationToken = default) =>
            Failing ? throw new ComplaintStoreException("test", "attempt to write a readonly database", isTransient: false) : base.SaveAsync(change, cancellationToken);
    }
}
