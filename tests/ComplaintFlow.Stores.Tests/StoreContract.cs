using ComplaintFlow.Events;
using ComplaintFlow.Storage;
using ComplaintFlow.Testing;
using ComplaintFlow.Time;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// What every <see cref="IComplaintStore"/> must do, run against each store by a subclass: the package's contract
/// suite (<see cref="ComplaintStoreContract"/>, which a third-party store runs too) and the deeper checks below
/// (deadline workers racing, many writers, keyed retries, the outbox) that the built-in stores also meet.
/// </summary>
public abstract partial class StoreContract : ComplaintStoreContract
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public async Task ClaimDue_WithALeaseOfNothingOrPastADay_IsRefusedNamingTheLease(long leaseTicks)
    {
        // TimeSpan.MaxValue overflowed the claim's end with an error naming 't'; no lease at all was accepted.
        var claim = () => Store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromTicks(leaseTicks)).AsTask();

        (await claim.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("lease");
    }

    [Fact]
    public async Task ReleaseDue_HandsBackOnlyTheNamedClaims_ThatAreStillThisClaimersOwn()
    {
        // A stopping deadline worker hands back the cases it had not reached, so the next instance records their
        // deadlines at once instead of a lease later; a claim that lapsed and was taken by another stays theirs.
        var first = await OpenAsync("cust-a");
        var second = await OpenAsync("cust-b");
        var third = await OpenAsync("cust-c");
        var now = third.NextDueAt!.Value.AddMinutes(1);
        var lease = TimeSpan.FromMinutes(5);
        (await Store.ClaimDueAsync(now, 10, lease)).CaseIds.Should().BeEquivalentTo([first.Id, second.Id, third.Id]);

        await Store.ReleaseDueAsync([second.Id, third.Id, new ComplaintId(Guid.CreateVersion7())], now + lease);
        await Store.ReleaseDueAsync([first.Id], now + lease + TimeSpan.FromTicks(1));

        (await Store.ClaimDueAsync(now, 10, lease)).CaseIds.Should().BeEquivalentTo([second.Id, third.Id], "released claims are free at once; the first was claimed until another instant, so not this claimer's");
        (await Store.ClaimDueAsync(now, 10, lease)).CaseIds.Should().BeEmpty();
    }

    [Fact]
    public async Task CountCustomerCases_ACustomerRefNoCaseCouldHold_IsAValidationErrorOnEveryStore()
    {
        // A NUL no case can hold: PostgreSQL refused it as a store failure, SQLite and memory answered 0.
        var count = () => Store.CountCustomerCasesAsync("cust\0-1", Time.GetUtcNow().AddDays(-90)).AsTask();

        (await count.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("customerRef");
    }

    [Fact]
    public async Task DeadlineBreach_ThroughTheStore_IsRecordedOnceAndEscalates()
    {
        var c = await OpenAsync();
        // The first instant past the deadline, when the breach falls due.
        Time.SetUtcNow(c.Clocks.Single(k => k.Name == "acknowledge").DueAt.AddTicks(1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await Desk.RecordDueClocksAsync(c.Id))));

        var history = await Store.GetHistoryAsync(c.Id);
        history.Count(e => e.Data is ClockBreached).Should().Be(1);
        (await Store.FindAsync(c.Id))!.Tier.Should().Be("supervisor");
    }

    [Fact]
    public async Task TwoDeadlineWorkers_OverTheStore_RecordEachBreachOnce()
    {
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await OpenAsync($"cust-{i}")).Id);
        }

        Time.SetUtcNow(Time.GetUtcNow().AddDays(3));
        var options = Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { BatchSize = 3, Lease = TimeSpan.FromTicks(1) });
        var workers = Enumerable.Range(0, 2).Select(_ => new DeadlineWorker(Desk, Store, Time, options)).ToArray();

        // A lease of one tick, run out before each round, lets both workers claim the same cases at once; only the
        // version check keeps records single. (A zero lease did this before stores refused a lease of nothing.)
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 15; round++)
            {
                Time.Advance(TimeSpan.FromTicks(1));
                await w.RunOnceAsync();
            }
        })));

        foreach (var id in ids)
        {
            var history = await Store.GetHistoryAsync(id);
            history.Where(e => e.Data is ClockBreached breached && breached.Name == "acknowledge").Should().ContainSingle();
            history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(n => (long)n));
        }
    }

    [Fact]
    public async Task ParallelCommands_ApplyOnceOrConflict_WithoutGapsOrDuplicates()
    {
        var c = await OpenAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = $"n{i}" });
                return true;
            }
            catch (ComplaintConcurrencyException)
            {
                return false;
            }
        })));

        var history = await Store.GetHistoryAsync(c.Id);
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Count(e => e.Data is NoteAdded).Should().Be(outcomes.Count(applied => applied));
        (await Store.FindAsync(c.Id))!.Version.Should().Be(history.Count);
    }

    /// <summary>
    /// Eight writers issue a thousand commands each on overlapping cases: every command applies exactly once or fails
    /// with the typed conflict error, and every case's history is gap-free and holds exactly the applied commands.
    /// </summary>
    [Fact]
    public async Task EightWriters_ThousandCommandsEach_OnOverlappingCases_ApplyOnceOrConflict()
    {
        const int writers = 8;
        var perWriter = CommandsPerWriter;
        var cases = new List<ComplaintId>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add((await OpenAsync($"cust-{i}")).Id);
        }

        var applied = new System.Collections.Concurrent.ConcurrentBag<(ComplaintId Case, string Text)>();
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < perWriter; n++)
            {
                var target = cases[(w + n) % cases.Count];
                var text = $"w{w}-n{n}";
                try
                {
                    await Desk.ExecuteAsync(new AddNote { CaseId = target, Actor = Agent, Text = text });
                    applied.Add((target, text));
                }
                catch (ComplaintConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        (applied.Count + conflicts).Should().Be(writers * perWriter, "every command either applied or conflicted");
        foreach (var id in cases)
        {
            var history = await Store.GetHistoryAsync(id);
            history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
            history.Select(e => e.Data).OfType<NoteAdded>().Select(n => n.Text).Should().BeEquivalentTo(applied.Where(a => a.Case == id).Select(a => a.Text));
            (await Store.FindAsync(id))!.Version.Should().Be(history.Count);
        }
    }

    /// <summary>
    /// Eight callers send the same keyed command at once, three hundred times over: every caller gets the first result,
    /// none is refused because the winner committed while it was deciding, and the command applies once.
    /// </summary>
    [Fact]
    public async Task ConcurrentRetries_WithTheSameKey_AllGetTheFirstResult_NoneIsRefused()
    {
        await ConcurrentKeyedRetriesAsync(Desk, Desk);
    }

    protected async Task ConcurrentKeyedRetriesAsync(IComplaintDesk first, IComplaintDesk second)
    {
        const int rounds = 300;
        const int callers = 8;
        var refusals = new System.Collections.Concurrent.ConcurrentQueue<string>();
        for (var round = 0; round < rounds; round++)
        {
            var c = await OpenAsync($"cust-{round}");
            var command = new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent, IdempotencyKey = $"ack-{c.Id}" };
            var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
            {
                try
                {
                    return await (i % 2 == 0 ? first : second).ExecuteAsync(command with { });
                }
                catch (ComplaintFlowException exception)
                {
                    refusals.Enqueue($"round {round}, caller {i}: {exception.GetType().Name}: {exception.Message}");
                    return null;
                }
            })));

            results.Where(r => r is not null).Select(r => r!.Version).Distinct().Should().ContainSingle("every caller gets the first result");
            (await Store.GetHistoryAsync(c.Id)).Count(e => e.Data is ComplaintAcknowledged).Should().Be(1);
        }

        refusals.Should().BeEmpty();
    }

    /// <summary>Commands per writer in the load test; a thousand, as the storage issue asks.</summary>
    protected virtual int CommandsPerWriter => 1_000;
}
