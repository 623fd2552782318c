using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Outbox;

/// <summary>How a dispatcher keeps to its claim and times its retries, on the in-memory store with a fake clock.</summary>
public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task DispatchPending_WhenTheLeaseRunsOutDuringADelivery_StopsAndLeavesTheRestForTheNextClaim()
    {
        // The handler takes longer than the lease and the store refuses every renewal: after the handler, the claim may
        // belong to another dispatcher.
        var slow = new ClockMovingHandler(TimeSpan.FromMinutes(3));
        RenewalWatchingStore? store = null;
        using var t = Desk(slow, lease: TimeSpan.FromMinutes(2), b => b.DecorateStore((inner, _) => store = new RenewalWatchingStore(inner) { Fails = true }));
        await t.OpenAsync(customer: "cust-1");
        await t.OpenAsync(customer: "cust-2");
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();
        var waiting = (await outbox.ListAsync(new OutboxQuery())).Count;

        var first = await outbox.DispatchPendingAsync();

        first.Should().Be(1, "the lease ran out during the first delivery, so neither that case's next event nor the other case was delivered from the stale claim");
        slow.Seen.Should().ContainSingle();
        (await outbox.ListAsync(new OutboxQuery())).Should().HaveCount(waiting - 1);

        store!.Fails = false;
        slow.Delay = TimeSpan.Zero;
        var second = await outbox.DispatchPendingAsync();

        second.Should().Be(waiting - 1, "the next claim delivers what the first left");
        slow.Seen.Select(e => (e.CaseId, e.Sequence)).Should().OnlyHaveUniqueItems("nothing is delivered twice");
        (await outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    /// <summary>
    /// A handler call slower than the lease: the dispatcher renews its claim every third of the lease while the call
    /// runs, so no other dispatcher can take the case meanwhile and hand the same event to the same handler again
    /// (before renewals, a rival's claim succeeded once two minutes had passed).
    /// </summary>
    [Fact]
    public async Task DispatchPending_AHandlerSlowerThanTheLease_KeepsTheClaimSoNoRivalCanTakeTheCase()
    {
        using var t = GatedDesk(renewalsFail: false, out var gate, out var store);
        var time = t.Time;
        var c = await t.OpenAsync(customer: "cust-1");
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();
        var waiting = (await outbox.ListAsync(new OutboxQuery())).Count;

        var dispatch = outbox.DispatchPendingAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= 6; i++)
        {
            time.Advance(TimeSpan.FromSeconds(40));
            (await store.Renewed.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue($"renewal {i} is due a third of a lease after the one before");
            var rival = await t.Store.ClaimOutboxAsync(new OutboxClaim("rival", time.GetUtcNow(), TimeSpan.FromMinutes(2), 10));
            rival.Should().BeEmpty($"{i * 40} s into a two-minute lease, the renewed claim still holds the case");
        }

        gate.Release.TrySetResult();

        (await dispatch).Should().Be(waiting, "the claim was never lost, so the whole case was delivered");
        t.Handled.Events.Where(e => e.CaseId == c.Id).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, waiting).Select(i => (long)i), "each event once, in order");
        (await outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    /// <summary>
    /// A claim that ran out stays out. The dispatcher's renewals fail for a whole lease (the store down), another
    /// dispatcher takes one of its cases, and the store comes back: a renewal must not revive the claim, or the first
    /// dispatcher would go on to deliver the case the other now holds (the review of the first version found this).
    /// </summary>
    [Fact]
    public async Task DispatchPending_AfterItsClaimRanOut_NeverRevivesItWhenTheStoreComesBack()
    {
        using var t = GatedDesk(renewalsFail: true, out var gate, out var store);
        var time = t.Time;
        var held = await t.OpenAsync(customer: "cust-1");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var other = await t.OpenAsync(customer: "cust-2");
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();

        var dispatch = outbox.DispatchPendingAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 2; i++)
        {
            time.Advance(TimeSpan.FromSeconds(40));
            (await store.Renewed.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        }

        time.Advance(TimeSpan.FromSeconds(40));
        var rival = await t.Store.ClaimOutboxAsync(new OutboxClaim("rival", time.GetUtcNow(), TimeSpan.FromMinutes(2), 10, other.Id));
        rival.Should().NotBeEmpty("the first claim ran out two minutes after it was made");
        store.Fails = false;
        time.Advance(TimeSpan.FromSeconds(40));
        gate.Release.TrySetResult();

        (await dispatch).Should().Be(1, "only the event in hand when the claim ran out was delivered");
        t.Handled.Events.Should().OnlyContain(e => e.CaseId == held.Id, "the case the rival holds was not delivered by the dispatcher whose claim ran out");
    }

    /// <summary>
    /// A renewal that reaches the store only after the claim has run out (a stalled connection) proves nothing: the
    /// store judged it by the time it was sent, and on PostgreSQL a case can change hands in between unseen by the
    /// count (the second review found the window). The dispatcher treats the claim as run out and stops.
    /// </summary>
    [Fact]
    public async Task DispatchPending_ARenewalThatLandsAfterTheLeaseRanOut_StopsTheDelivery()
    {
        using var t = GatedDesk(renewalsFail: false, out var gate, out var store);
        var time = t.Time;
        store.Stall = () => time.Advance(TimeSpan.FromSeconds(90));
        await t.OpenAsync(customer: "cust-1");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await t.OpenAsync(customer: "cust-2");
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();
        var waiting = (await outbox.ListAsync(new OutboxQuery())).Count;

        var dispatch = outbox.DispatchPendingAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(40));
        (await store.Renewed.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        gate.Release.TrySetResult();

        (await dispatch).Should().Be(1, "the renewal came back 130 s into a 120 s lease, so nothing after the event in hand was delivered");
        (await outbox.ListAsync(new OutboxQuery())).Should().HaveCount(waiting - 1);
    }

    [Fact]
    public async Task DispatchPending_AfterASlowHandlerFails_WaitsTheRetryDelayFromTheFailure()
    {
        var failing = new ClockMovingHandler(TimeSpan.FromSeconds(100)) { Fails = true };
        using var t = Desk(failing, lease: TimeSpan.FromMinutes(10));
        var c = await t.OpenAsync();
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();
        var claimedAt = t.Time.GetUtcNow();

        await outbox.DispatchPendingAsync();

        var entry = (await outbox.ListAsync(new OutboxQuery())).First(e => e.CaseId == c.Id);
        entry.Attempts.Should().Be(1);
        entry.NextAttemptAt.Should().Be(claimedAt + TimeSpan.FromSeconds(100) + TimeSpan.FromSeconds(30),
            "the first retry delay (30 s) counts from when the handler failed, 100 s after the claim");
    }

    [Fact]
    public async Task DispatchPending_AHandlerFailsAsTheHostStops_StillRecordsTheAttempt()
    {
        using var stopping = new CancellationTokenSource();
        var failing = new ClockMovingHandler(TimeSpan.Zero) { Fails = true, OnHandle = stopping.Cancel };
        using var t = Desk(failing, lease: TimeSpan.FromMinutes(2));
        var c = await t.OpenAsync();
        var outbox = t.Services.GetRequiredService<IComplaintOutbox>();

        await outbox.DispatchPendingAsync(stopping.Token);

        var entry = (await outbox.ListAsync(new OutboxQuery())).First(e => e.CaseId == c.Id);
        entry.Attempts.Should().Be(1, "a failure seen as the host stops is recorded, so the next start waits its delay instead of retrying at once");
        entry.NextAttemptAt.Should().Be(t.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task DispatchCase_WhileAHandlerIsSlowOnAnotherCase_DeliversWithoutWaiting()
    {
        // After-command deliveries take turns per case. Turns shared between cases (64 stripes before) made a command on
        // any case that shared a stripe wait for another case's slow handler; 400 cases share one with near certainty.
        var gate = new GatedHandler();
        var services = new ServiceCollection();
        services.AddComplaintFlow().Services.AddSingleton<IComplaintEventHandler>(gate);
        using var provider = services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var slow = desk.OpenAsync(Open("cust-slow")).AsTask();
        try
        {
            await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            for (var i = 0; i < 400; i++)
            {
                // A delivery held behind the slow case's handler would time out here.
                var other = () => desk.OpenAsync(Open($"cust-{i}")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                await other.Should().NotThrowAsync($"case {i}'s delivery does not wait for another case's handler");
            }
        }
        finally
        {
            gate.Release.TrySetResult();
        }

        await slow;
    }

    /// <summary>A desk whose handler holds the first case it sees, on a store that counts (or refuses) claim renewals; a two-minute lease.</summary>
    private static TestDesk GatedDesk(bool renewalsFail, out GatedHandler gate, out RenewalWatchingStore store)
    {
        var held = gate = new GatedHandler();
        RenewalWatchingStore? watching = null;
        var desk = new TestDesk(
            b =>
            {
                b.Services.AddSingleton<IComplaintEventHandler>(held);
                b.DecorateStore((inner, _) => watching = new RenewalWatchingStore(inner) { Fails = renewalsFail });
            },
            o =>
            {
                o.Outbox.DispatchAfterCommand = false;
                o.Outbox.Lease = TimeSpan.FromMinutes(2);
            },
            new FakeTimeProvider(TestDesk.Start));
        store = watching!;
        return desk;
    }

    private static OpenComplaint Open(string customer) => new() { CustomerRef = customer, Summary = "Late parcel", Channel = Channel.Email, Actor = Actors.Agent };

    private static TestDesk Desk(ClockMovingHandler handler, TimeSpan lease, Action<ComplaintFlowBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(TestDesk.Start);
        handler.Time = time;
        return new TestDesk(
            b =>
            {
                b.Services.AddSingleton<IComplaintEventHandler>(handler);
                configure?.Invoke(b);
            },
            o =>
            {
                o.Outbox.DispatchAfterCommand = false;
                o.Outbox.Lease = lease;
                o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(30);
            },
            time);
    }

    /// <summary>Counts the dispatcher's claim renewals, and refuses them with a store failure when told to.</summary>
    private sealed class RenewalWatchingStore(ComplaintFlow.Storage.IComplaintStore inner) : DelegatingStore(inner)
    {
        public SemaphoreSlim Renewed { get; } = new(0);

        public bool Fails { get; set; }

        /// <summary>Runs inside the next renewal, once, before it reaches the store: a stalled connection, on the fake clock.</summary>
        public Action? Stall { get; set; }

        public override async ValueTask<int> RenewOutboxAsync(string claimToken, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
        {
            try
            {
                var stall = Stall;
                Stall = null;
                stall?.Invoke();
                return Fails ? throw new ComplaintStoreException("test", "the database is down", isTransient: true) : await base.RenewOutboxAsync(claimToken, now, until, cancellationToken);
            }
            finally
            {
                Renewed.Release();
            }
        }
    }

    /// <summary>A handler whose work takes time on the fake clock, and fails when told to.</summary>
    private sealed class ClockMovingHandler(TimeSpan delay) : IComplaintEventHandler
    {
        public FakeTimeProvider Time { get; set; } = null!;

        public TimeSpan Delay { get; set; } = delay;

        public bool Fails { get; init; }

        public Action? OnHandle { get; init; }

        public List<ComplaintEvent> Seen { get; } = [];

        public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
        {
            Seen.Add(complaintEvent);
            Time.Advance(Delay);
            OnHandle?.Invoke();
            return Fails ? throw new InvalidOperationException("the mail server timed out") : ValueTask.CompletedTask;
        }
    }

    /// <summary>Holds the first case it sees until released; every other case passes straight through.</summary>
    private sealed class GatedHandler : IComplaintEventHandler
    {
        private ComplaintId? _held;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
        {
            _held ??= complaint.Id;
            if (complaint.Id == _held)
            {
                Entered.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
