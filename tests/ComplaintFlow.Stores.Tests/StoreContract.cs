using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// What every <see cref="IComplaintStore"/> must do, run against each store by a subclass. The desk drives the
/// stores as an app would; some tests also call the store directly.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    protected static readonly Actor Agent = new("a-1", "Sam", "agent");
    protected static readonly Actor Supervisor = new("s-1", "Pat", "supervisor");
    protected static readonly Actor Specialist = new("x-1", "Ari", "specialist-team");

    private ServiceProvider? _provider;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected IComplaintDesk Desk { get; private set; } = null!;

    protected IComplaintStore Store { get; private set; } = null!;

    public virtual ValueTask InitializeAsync()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        UseStore(services.AddComplaintFlow());
        _provider = services.BuildServiceProvider();
        Desk = _provider.GetRequiredService<IComplaintDesk>();
        Store = _provider.GetRequiredService<IComplaintStore>();
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Registers the store under test.</summary>
    protected abstract void UseStore(ComplaintFlowBuilder builder);

    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryFieldOfALivedCase()
    {
        var c = await LivedCaseAsync();

        var loaded = await Store.FindAsync(c.Id);

        loaded.Should().NotBeNull();
        ComplaintJson.SerializeCase(loaded!).Should().Equal(ComplaintJson.SerializeCase(c));
        var history = await Store.GetHistoryAsync(c.Id);
        history.Should().HaveCount((int)c.Version);
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Should().Contain(e => e.Data is ClocksChanged).And.Contain(e => e.Data is ComplaintEscalated);
        history.Should().Contain(e => e.Data is OutcomeRecorded).And.Contain(e => e.Data is RedressRecorded).And.Contain(e => e.Data is CommunicationRecorded);
        loaded!.Outcome!.Decision.Should().Be(Outcomes.ComplaintOutcome.PartlyUpheld);
        loaded.Redress.Should().ContainSingle().Which.Kind.Should().Be(Outcomes.RedressKind.RemedialAction);
        loaded.Communications.Select(m => m.Kind).Should().Contain([Outcomes.CommunicationKind.Acknowledgement, Outcomes.CommunicationKind.DelayLetter, Outcomes.CommunicationKind.ProgressUpdate]);
    }

    [Fact]
    public async Task Find_UnknownCase_IsNull_AndHistoryEmpty()
    {
        (await Store.FindAsync(new ComplaintId(Guid.NewGuid()))).Should().BeNull();
        (await Store.GetHistoryAsync(new ComplaintId(Guid.NewGuid()))).Should().BeEmpty();
    }

    [Fact]
    public async Task Save_StaleVersion_IsAConflictAndChangesNothing()
    {
        var c = await OpenAsync();
        await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "first" });
        var before = await StoredAsync(c.Id);
        var stale = c with { Summary = "overwritten" };

        var act = () => Store.SaveAsync(new ComplaintChange(stale, c.Version, [], null)).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintConcurrencyException>()).Which;
        error.ExpectedVersion.Should().Be(c.Version);
        error.ActualVersion.Should().Be(c.Version + 1);
        (await StoredAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Save_NewCaseWhoseIdExists_IsAConflict()
    {
        var c = await OpenAsync();
        var opened = (await Store.GetHistoryAsync(c.Id))[0];

        var act = () => Store.SaveAsync(new ComplaintChange(c with { Version = 1 }, 0, [opened], null)).AsTask();

        (await act.Should().ThrowAsync<ComplaintConcurrencyException>()).Which.ActualVersion.Should().Be(c.Version);
    }

    [Fact]
    public async Task Idempotency_RepeatReturnsTheFirstResult_OtherCommandIsRefused()
    {
        var c = await OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Agent, Text = "once", IdempotencyKey = "k-1" };

        var first = await Desk.ExecuteAsync(note);
        var again = await Desk.ExecuteAsync(note with { });
        var other = () => Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "twice", IdempotencyKey = "k-1" }).AsTask();

        again.Version.Should().Be(first.Version);
        (await Desk.GetAsync(c.Id)).Notes.Should().ContainSingle();
        await other.Should().ThrowAsync<IdempotencyKeyReusedException>();
        (await Store.FindIdempotencyRecordAsync("k-1"))!.CaseId.Should().Be(c.Id);
    }

    [Fact]
    public async Task Save_DuplicateIdempotencyKey_IsReportedAndChangesNothing()
    {
        var c = await OpenAsync();
        await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "a", IdempotencyKey = "dup" });
        var current = await Store.FindAsync(c.Id);
        var before = await StoredAsync(c.Id);
        var next = current! with { Summary = "changed" };

        var act = () => Store.SaveAsync(new ComplaintChange(next, current.Version, [], new IdempotencyRecord("dup", "x", c.Id, next))).AsTask();

        await act.Should().ThrowAsync<IdempotencyKeyConflictException>();
        (await StoredAsync(c.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Query_FiltersByStepOwnerCustomerCategoryAndOpenness_InIdOrder()
    {
        var a = await OpenAsync("cust-a", "delivery");
        var b = await OpenAsync("cust-b", "billing");
        var c = await OpenAsync("cust-a", "billing");
        a = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = a.Id, Actor = Agent, Owner = Agent });
        c = await Desk.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Agent });

        (await Ids(new ComplaintQuery { Step = StepIds.Listen })).Should().Equal(a.Id);
        (await Ids(new ComplaintQuery { OwnerId = Agent.Id })).Should().Equal(a.Id);
        (await Ids(new ComplaintQuery { CustomerRef = "cust-a" })).Should().Equal(a.Id);
        (await Ids(new ComplaintQuery { CustomerRef = "cust-a", OpenOnly = false })).Should().Equal(a.Id, c.Id);
        (await Ids(new ComplaintQuery { Category = "billing", OpenOnly = false })).Should().Equal(b.Id, c.Id);
        (await Ids(new ComplaintQuery { OpenOnly = false, After = a.Id, Limit = 1 })).Should().Equal(b.Id);
        (await Ids(new ComplaintQuery { OpenOnly = false, ReceivedSince = Time.GetUtcNow().AddMinutes(1) })).Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimDue_ClaimsOnlyDueCases_AndALeaseKeepsOthersOff()
    {
        var due = await OpenAsync();
        Time.Advance(TimeSpan.FromDays(1));
        var notYet = await OpenAsync();
        var now = due.NextDueAt!.Value.AddMinutes(1);
        notYet.NextDueAt.Should().BeAfter(now);

        (await Store.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(5))).CaseIds.Should().Equal(due.Id);
        (await Store.ClaimDueAsync(now.AddMinutes(1), 10, TimeSpan.FromMinutes(5))).CaseIds.Should().BeEmpty("the first claim holds it");
        (await Store.ClaimDueAsync(now.AddMinutes(6), 10, TimeSpan.FromMinutes(5))).CaseIds.Should().Equal(due.Id);
    }

    [Fact]
    public async Task DeadlineBreach_ThroughTheStore_IsRecordedOnceAndEscalates()
    {
        var c = await OpenAsync();
        Time.SetUtcNow(c.Clocks.Single(k => k.Name == "acknowledge").DueAt);

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
        var options = Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { BatchSize = 3, Lease = TimeSpan.Zero });
        var workers = Enumerable.Range(0, 2).Select(_ => new DeadlineWorker(Desk, Store, Time, options)).ToArray();

        // A zero lease lets both workers claim the same cases at once; only the version check keeps records single.
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 15; round++)
            {
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

    protected async Task<ComplaintCase> OpenAsync(string customer = "cust-1", string? category = null)
    {
        // Ids order by the millisecond a case opens; within one millisecond their order is random.
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return await Desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Late parcel", Channel = Channel.Email, Actor = Agent, Categories = category is null ? [] : [category] });
    }

    protected async Task<string> StoredAsync(ComplaintId id)
    {
        var found = await Store.FindAsync(id);
        var history = await Store.GetHistoryAsync(id);
        return System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeCase(found!)) + string.Join("|", history.Select(e => System.Text.Encoding.UTF8.GetString(ComplaintJson.SerializeEvent(e))));
    }

    private async Task<IEnumerable<ComplaintId>> Ids(ComplaintQuery query) => (await Store.QueryAsync(query)).Cases.Select(c => c.Id);

    /// <summary>A case that went through most of life: escalation, clocks, proposals, notes, categories, a reopen.</summary>
    private async Task<ComplaintCase> LivedCaseAsync()
    {
        // The vulnerable customer's case goes to the specialist team at once (PR-19); the specialists work it.
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-9", Summary = "Broken kettle", Channel = Channel.Phone, Actor = Agent, Categories = ["kettles", "quality"], Flags = ComplaintFlags.VulnerableCustomer });
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Specialist, Owner = Specialist, Message = "Sorry" });
        c = await Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Specialist, Text = "It leaks." });
        c = await Desk.ExecuteAsync(new RecordClarification { CaseId = c.Id, Actor = Specialist, Question = "Where?", Answer = "The base." });
        c = await Desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Specialist, Text = "The base leaks." });
        c = await Desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Specialist });
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Specialist, Kind = RemedyKind.Replacement, Details = "A new one" });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Specialist, Remedies = [new Remedy(RemedyKind.Replacement, "New kettle")], Alternatives = [new Remedy(RemedyKind.Refund, "Refund", new Money(39.99m, "GBP"))], Explanation = "Replace it" });
        c = await Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Specialist, ProposalNumber = 1 });
        Time.Advance(TimeSpan.FromHours(3));
        c = await Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Specialist, Kind = Outcomes.RedressKind.RemedialAction, Description = "Kettle replaced", Reference = "SHIP-1" });
        c = await Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Specialist, Kind = Outcomes.CommunicationKind.DelayLetter, Channel = Channel.Letter, Reference = "DL-9" });
        c = await Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Specialist, Description = "Sent", Reference = "SHIP-1" });
        c = await Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Specialist, Satisfied = false, Csat = 2, Comment = "Also leaks" });
        c = await Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Specialist, Decision = Outcomes.ComplaintOutcome.PartlyUpheld, Reasons = "The replacement leaks too; we are looking again.", Product = "kettles", RootCause = "manufacturing" });
        c = await Desk.ExecuteAsync(new RecordCustomerUpdate { CaseId = c.Id, Actor = Specialist, Message = "Looking again", NextUpdateBy = Time.GetUtcNow().AddDays(1) });
        return await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "Second round" });
    }
}
