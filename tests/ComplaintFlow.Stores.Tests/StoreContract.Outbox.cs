using ComplaintFlow.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The outbox half of the contract: at-least-once delivery after commit, per-case order, retry, parking.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task Outbox_DeliversEveryEventAfterCommit_InCaseOrder()
    {
        await using var app = OnThisStore(o => { });

        var c = await app.OpenAsync();
        c = await app.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        c = await app.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "called back" });

        app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i));
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().BeEmpty("delivered entries leave the outbox");
    }

    [Fact]
    public async Task Outbox_AHandlerFailingWithANulOrALoneSurrogateInItsMessage_IsRecordedAsAnAttempt()
    {
        // PostgreSQL refuses NUL in text, and strict UTF-8 a lone surrogate: the failure must still be recorded (and
        // so counted towards parking), not turn into a store error on every poll that holds back the cases after it.
        await using var app = OnThisStore(o => { });
        app.Handler.FailureMessage = "CRM said: \0 then \uD800 then " + new string('x', 20_000);
        var c = await app.OpenAsync("cust-nul", failFirst: 1);

        var waiting = await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id });

        waiting[0].Attempts.Should().Be(1);
        waiting[0].LastError.Should().Contain("CRM said:").And.NotContain("\0").And.NotContain("\uD800");
        waiting[0].LastError!.Length.Should().BeLessThan(5_000, "an error page pasted into a message is cut, not stored whole");
    }

    [Fact]
    public async Task Outbox_FailingHandler_IsRetriedWithGrowingDelays_AndLaterEventsWait()
    {
        await using var app = OnThisStore(o => o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(5));
        var other = await app.OpenAsync("cust-other");
        var c = await app.OpenAsync("cust-fails", failFirst: 2);

        var waiting = await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id });
        waiting.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i), "nothing was delivered");
        waiting[0].Attempts.Should().Be(1);
        waiting[0].NextAttemptAt.Should().Be(Time.GetUtcNow().AddSeconds(5));
        waiting[0].LastError.Should().Contain(nameof(ScriptedHandler)).And.Contain("mail server down");
        app.Handler.SequencesOf(other.Id).Should().NotBeEmpty("one case's failure does not hold up another's");

        (await app.Outbox.DispatchPendingAsync()).Should().Be(0, "the retry is not due yet");
        Time.Advance(TimeSpan.FromSeconds(5));
        (await app.Outbox.DispatchPendingAsync()).Should().Be(0, "the second attempt fails too");
        (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id }))[0].NextAttemptAt.Should().Be(Time.GetUtcNow().AddSeconds(10), "the delay doubles");

        Time.Advance(TimeSpan.FromSeconds(10));
        (await app.Outbox.DispatchPendingAsync()).Should().Be((int)c.Version);

        app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i));
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Outbox_ALaterHandlerFails_TheRetriesPassOverTheHandlerThatHadHandledTheEvent()
    {
        // A mail sender registered first sends its letter; a CRM handler after it fails. The retry is for the CRM: the
        // customer must not get the same letter again with every attempt. Both are ScriptedHandlers, so the second is
        // told apart by its place among handlers of its type.
        var mailer = new ScriptedHandler();
        await using var app = OnThisStore(o => o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(5), before: mailer);
        var c = await app.OpenAsync("cust-mailed", failFirst: 2);

        mailer.SequencesOf(c.Id).Should().Equal([1L], "the first handler handled the opening before the second failed");
        var waiting = (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id }))[0];
        waiting.HandledBy.Should().Equal(typeof(ScriptedHandler).ToString());
        waiting.LastError.Should().Contain(nameof(ScriptedHandler));

        Time.Advance(TimeSpan.FromSeconds(5));
        (await app.Outbox.DispatchPendingAsync()).Should().Be(0, "the second handler fails again");
        mailer.SequencesOf(c.Id).Should().Equal([1L], "a failed retry does not reach the handler that had handled the event");
        waiting = (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id }))[0];
        waiting.Should().Match<OutboxEntry>(e => e.Attempts == 2 && e.HandledBy.Count == 1);

        Time.Advance(TimeSpan.FromSeconds(10));
        (await app.Outbox.DispatchPendingAsync()).Should().Be((int)c.Version);

        var everyEvent = Enumerable.Range(1, (int)c.Version).Select(i => (long)i);
        mailer.SequencesOf(c.Id).Should().Equal(everyEvent, "each event reached the first handler once");
        app.Handler.SequencesOf(c.Id).Should().Equal(everyEvent);
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Outbox_ADeliveryCancelledAfterAHandlerRan_KeepsThatHandler_AndCountsNoAttempt()
    {
        // The request that ran a command is aborted while the second handler works: the first had sent its letter.
        var mailer = new ScriptedHandler();
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false, before: mailer);
        var c = await app.OpenAsync("cust-aborted");
        var due = (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id }))[0].NextAttemptAt;
        using var aborted = new CancellationTokenSource();
        app.Handler.CancelOnDelivery = aborted;

        var dispatch = () => app.Outbox.DispatchPendingAsync(aborted.Token);

        await dispatch.Should().ThrowAsync<OperationCanceledException>();
        mailer.SequencesOf(c.Id).Should().Equal([1L]);
        var waiting = (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id }))[0];
        waiting.Should().Match<OutboxEntry>(e => e.Attempts == 0 && !e.IsParked && e.NextAttemptAt == due && e.LastError == null, "a cancellation is not a failed attempt");
        waiting.HandledBy.Should().Equal(typeof(ScriptedHandler).ToString());

        app.Handler.CancelOnDelivery = null;
        (await app.Outbox.DispatchPendingAsync()).Should().Be((int)c.Version);
        mailer.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i), "each event reached the first handler once");
    }

    [Fact]
    public async Task Outbox_AfterMaxAttempts_ParksTheEvent_KeepsItVisible_AndRedriveDeliversInOrder()
    {
        await using var app = OnThisStore(o =>
        {
            o.Outbox.MaxAttempts = 3;
            o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(1);
        });
        var c = await app.OpenAsync(failFirst: int.MaxValue);
        c = await app.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "waits behind the parked event" });

        for (var round = 0; round < 5; round++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            await app.Outbox.DispatchPendingAsync();
        }

        var parked = await app.Outbox.ListAsync(new OutboxQuery { ParkedOnly = true });
        parked.Should().ContainSingle().Which.Should().Match<OutboxEntry>(e => e.CaseId == c.Id && e.Sequence == 1 && e.Attempts == 3 && e.IsParked);
        (await app.Outbox.ListAsync(new OutboxQuery { CaseId = c.Id })).Should().HaveCount((int)c.Version, "a parked event is never dropped, and holds back its case");
        app.Handler.SequencesOf(c.Id).Should().BeEmpty();

        app.Handler.Heal(c.Id);
        (await app.Outbox.RedriveAsync(c.Id)).Should().Be(1);
        (await app.Outbox.DispatchPendingAsync()).Should().Be((int)c.Version);

        app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i));
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Outbox_WithoutAfterCommandDelivery_KeepsEverythingUntilADispatcherRuns()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var c = await app.OpenAsync();
        c = await app.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "queued" });
        app.Handler.Delivered.Should().BeEmpty();
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().HaveCount((int)c.Version);

        (await app.Outbox.DispatchPendingAsync()).Should().Be((int)c.Version);

        app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i));
    }

    [Fact]
    public async Task Outbox_FourDispatchersAtOnce_DeliverEachEventOnce_NeverTwoOfACaseAtOnce()
    {
        await using var app = OnThisStore(o =>
        {
            o.Outbox.DispatchAfterCommand = false;
            o.Outbox.BatchSize = 3;
        });
        var cases = new List<ComplaintCase>();
        for (var i = 0; i < 12; i++)
        {
            var c = await app.OpenAsync($"cust-{i}");
            cases.Add(await app.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "more" }));
        }

        app.Handler.DeliveryTime = TimeSpan.FromMilliseconds(2);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while ((await app.Outbox.ListAsync(new OutboxQuery { Limit = 1 })).Count > 0)
            {
                await app.Outbox.DispatchPendingAsync();
            }
        })));

        app.Handler.Violations.Should().BeEmpty();
        foreach (var c in cases)
        {
            app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i), "each event once, in order");
        }
    }

    [Fact]
    public async Task Outbox_ParallelCommandsOnOneCase_WithoutAWorker_DeliverEveryEventOnceInOrder()
    {
        await using var app = OnThisStore(o => { });
        var c = await app.OpenAsync();
        app.Handler.DeliveryTime = TimeSpan.FromMilliseconds(2); // holds each claim long enough for others to commit meanwhile

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                await app.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = $"n{i}" });
            }
            catch (ComplaintConcurrencyException)
            {
                // Lost the version race: nothing was saved, so there is nothing to deliver.
            }
        })));

        var version = (await Store.FindAsync(c.Id))!.Version;
        app.Handler.SequencesOf(c.Id).Should().Equal(Enumerable.Range(1, (int)version).Select(i => (long)i),
            "after-command deliveries of one case take turns, so none is left behind for a worker that is not running");
        app.Handler.Violations.Should().BeEmpty();
        (await app.Outbox.ListAsync(new OutboxQuery())).Should().BeEmpty();
    }

    /// <summary>
    /// Renewing keeps a claim past its first lease. A claim that has run out is never extended again, taken or not, so
    /// a renewal that extends fewer claims than the cases held tells the dispatcher to stop; a released claim is gone.
    /// </summary>
    [Fact]
    public async Task Outbox_RenewingAClaim_KeepsRivalsOff_AndNeverBringsBackOneThatRanOut()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var first = await app.OpenAsync("cust-renew-1");
        var second = await app.OpenAsync("cust-renew-2");
        var lease = TimeSpan.FromMinutes(2);
        var now = Time.GetUtcNow();
        (await Store.ClaimOutboxAsync(new OutboxClaim("first", now, lease, 10))).Select(e => e.CaseId).Distinct().Should().BeEquivalentTo([first.Id, second.Id]);

        (await Store.RenewOutboxAsync("first", now + TimeSpan.FromSeconds(40), now + TimeSpan.FromSeconds(40) + lease)).Should().Be(2);
        (await Store.ClaimOutboxAsync(new OutboxClaim("rival", now + lease + TimeSpan.FromSeconds(1), lease, 10))).Should().BeEmpty("the renewed claims hold both cases past their first lease");

        // Both run out at now + 40 s + lease; a rival takes one of the cases, and the renewal after that extends neither.
        var lapsed = now + TimeSpan.FromSeconds(40) + lease;
        (await Store.ClaimOutboxAsync(new OutboxClaim("rival", lapsed, lease, 10, first.Id))).Select(e => e.CaseId).Should().OnlyContain(id => id == first.Id).And.NotBeEmpty();
        (await Store.RenewOutboxAsync("first", lapsed, lapsed + lease)).Should().Be(0, "a claim that has run out is not extended, whether another claim took its case or not");
        (await Store.ClaimOutboxAsync(new OutboxClaim("third", lapsed + TimeSpan.FromSeconds(1), lease, 10))).Select(e => e.CaseId).Distinct().Should().Equal([second.Id], "the second case's claim ran out and stayed out; the rival still holds the first");

        await Store.ReleaseOutboxAsync("rival");
        (await Store.RenewOutboxAsync("rival", lapsed + TimeSpan.FromSeconds(2), lapsed + lease)).Should().Be(0, "a released claim is gone");
        (await Store.RenewOutboxAsync("never-claimed", lapsed, lapsed + lease)).Should().Be(0);
    }

    [Fact]
    public async Task Outbox_Redrive_OfACaseWithNothingParked_IsZero()
    {
        await using var app = OnThisStore(o => { });
        var c = await app.OpenAsync();

        (await app.Outbox.RedriveAsync(c.Id)).Should().Be(0);
        (await app.Outbox.RedriveAsync(new ComplaintId(Guid.NewGuid()))).Should().Be(0);
    }

    [Fact]
    public async Task Outbox_ListWithLimitOutOfRange_IsAValidationError()
    {
        await using var app = OnThisStore(o => { });

        var act = () => app.Outbox.ListAsync(new OutboxQuery { Limit = 0 });

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Limit");
    }

    /// <summary>A second app on the store under test, with a scripted handler and its own outbox settings.</summary>
    /// <param name="configure">The app's outbox settings.</param>
    /// <param name="before">A handler registered before the scripted one, which then runs second.</param>
    protected OutboxApp OnThisStore(Action<ComplaintFlowOptions> configure, Events.IComplaintEventHandler? before = null)
    {
        var handler = new ScriptedHandler();
        // An instance registration: this app shares the store without owning (and disposing) it.
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        if (before is not null)
        {
            services.AddSingleton(before);
        }

        services.AddSingleton<Events.IComplaintEventHandler>(handler).AddSingleton(Store);
        services.AddComplaintFlow(configure);
        return new OutboxApp(services.BuildServiceProvider(), handler, this);
    }

    protected sealed class OutboxApp(ServiceProvider provider, ScriptedHandler handler, StoreContract contract) : IAsyncDisposable
    {
        public IComplaintDesk Desk { get; } = provider.GetRequiredService<IComplaintDesk>();

        public IComplaintOutbox Outbox { get; } = provider.GetRequiredService<IComplaintOutbox>();

        public ScriptedHandler Handler => handler;

        public async Task<ComplaintCase> OpenAsync(string customer = "cust-1", int failFirst = 0)
        {
            contract.Time.Advance(TimeSpan.FromMilliseconds(1));
            var open = new OpenComplaint { CustomerRef = customer, Summary = "Late parcel", Channel = Channel.Email, Actor = Agent, IdempotencyKey = Guid.NewGuid().ToString() };
            if (failFirst == 0)
            {
                return await Desk.OpenAsync(open);
            }

            // The case's id is known only after it opens, so fail its first deliveries by failing every case's, briefly.
            handler.FailAll(failFirst);
            try
            {
                return await Desk.OpenAsync(open);
            }
            finally
            {
                handler.StopFailingAll();
            }
        }

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }
}
