using System.Text.Json;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ComplaintFlow.Testing;

/// <summary>
/// What every <see cref="IComplaintStore"/> must do, as xUnit v3 tests: derive a class from this one in your test
/// project, register your store in <see cref="UseStore"/>, and every fact runs against it. The desk drives the store
/// as an app would; some facts also call the store directly, as the desk does.
/// <code>
/// public sealed class MyStoreContractTests : ComplaintStoreContract
/// {
///     protected override void UseStore(ComplaintFlowBuilder builder) => builder.UseStore(_ => new MyStore(...));
/// }
/// </code>
/// </summary>
public abstract class ComplaintStoreContract : IAsyncLifetime
{
    /// <summary>An agent, the junior tier.</summary>
    protected static readonly Actor Agent = new("a-1", "Sam", "agent");

    /// <summary>A supervisor.</summary>
    protected static readonly Actor Supervisor = new("s-1", "Pat", "supervisor");

    /// <summary>Someone of the specialist team, who works vulnerable customers' cases.</summary>
    protected static readonly Actor Specialist = new("x-1", "Ari", "specialist-team");

    private ServiceProvider? _provider;

    /// <summary>The clock every part of the desk reads.</summary>
    protected FakeTimeProvider Time { get; } = new(ComplaintFlowTestDesk.DefaultStart);

    /// <summary>The desk over the store under test.</summary>
    protected IComplaintDesk Desk { get; private set; } = null!;

    /// <summary>The store under test.</summary>
    protected IComplaintStore Store { get; private set; } = null!;

    /// <summary>Builds the desk over the store <see cref="UseStore"/> registers.</summary>
    public virtual ValueTask InitializeAsync()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        UseStore(services.AddComplaintFlow());
        _provider = services.BuildServiceProvider();
        Desk = _provider.GetRequiredService<IComplaintDesk>();
        Store = _provider.GetRequiredService<IComplaintStore>();
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposes the desk and the store.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Registers the store under test.</summary>
    protected abstract void UseStore(ComplaintFlowBuilder builder);

    /// <summary>A case saved and loaded again is the same case, field for field, with its whole history numbered from 1.</summary>
    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryFieldOfALivedCase()
    {
        var c = await LivedCaseAsync();

        var loaded = await Store.FindAsync(c.Id);

        Assert.NotNull(loaded);
        Assert.Equal(Json(c), Json(loaded));
        var history = await Store.GetHistoryAsync(c.Id);
        Assert.Equal(c.Version, history.Count);
        HistoryAssert.IsNumberedFromOne(history);
        HistoryAssert.ContainsInOrder(history, typeof(ComplaintOpened), typeof(ComplaintEscalated), typeof(ProposalAccepted), typeof(RedressRecorded), typeof(OutcomeRecorded));
        Assert.Contains(history, e => e.Data is ClocksChanged);
        Assert.Contains(history, e => e.Data is CommunicationRecorded);
        Assert.Equal(Outcomes.ComplaintOutcome.PartlyUpheld, loaded.Outcome!.Decision);
        Assert.Equal(Outcomes.RedressKind.RemedialAction, Assert.Single(loaded.Redress).Kind);
        Assert.Superset(new HashSet<Outcomes.CommunicationKind> { Outcomes.CommunicationKind.Acknowledgement, Outcomes.CommunicationKind.DelayLetter, Outcomes.CommunicationKind.ProgressUpdate }, loaded.Communications.Select(m => m.Kind).ToHashSet());
    }

    /// <summary>An unknown case is not found, and has no history.</summary>
    [Fact]
    public async Task Find_UnknownCase_IsNull_AndHistoryEmpty()
    {
        Assert.Null(await Store.FindAsync(new ComplaintId(Guid.NewGuid())));
        Assert.Empty(await Store.GetHistoryAsync(new ComplaintId(Guid.NewGuid())));
    }

    /// <summary>A save expecting a version the case has moved past is refused with both versions, and changes nothing.</summary>
    [Fact]
    public async Task Save_StaleVersion_IsAConflictAndChangesNothing()
    {
        var c = await OpenAsync();
        await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "first" });
        var before = await StoredAsync(c.Id);
        var stale = c with { Summary = "overwritten" };

        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => Store.SaveAsync(new ComplaintChange(stale, c.Version, [], null)).AsTask());

        Assert.Equal(c.Version, error.ExpectedVersion);
        Assert.Equal(c.Version + 1, error.ActualVersion);
        Assert.Equal(before, await StoredAsync(c.Id));
    }

    /// <summary>Saving a new case under an id that exists is a conflict, never an overwrite.</summary>
    [Fact]
    public async Task Save_NewCaseWhoseIdExists_IsAConflict()
    {
        var c = await OpenAsync();
        var opened = (await Store.GetHistoryAsync(c.Id))[0];

        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => Store.SaveAsync(new ComplaintChange(c with { Version = 1 }, 0, [opened], null)).AsTask());

        Assert.Equal(c.Version, error.ActualVersion);
    }

    /// <summary>A command repeated with its idempotency key gets the first result; another command with the key is refused.</summary>
    [Fact]
    public async Task Idempotency_RepeatReturnsTheFirstResult_OtherCommandIsRefused()
    {
        var c = await OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Agent, Text = "once", IdempotencyKey = "k-1" };

        var first = await Desk.ExecuteAsync(note);
        var again = await Desk.ExecuteAsync(note with { });

        Assert.Equal(first.Version, again.Version);
        Assert.Single((await Desk.GetAsync(c.Id)).Notes);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "twice", IdempotencyKey = "k-1" }).AsTask());
        Assert.Equal(c.Id, (await Store.FindIdempotencyRecordAsync("k-1"))!.CaseId);
    }

    /// <summary>A save whose idempotency key is taken is refused as a conflict, and changes nothing.</summary>
    [Fact]
    public async Task Save_DuplicateIdempotencyKey_IsReportedAndChangesNothing()
    {
        var c = await OpenAsync();
        await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "a", IdempotencyKey = "dup" });
        var current = (await Store.FindAsync(c.Id))!;
        var before = await StoredAsync(c.Id);
        var next = current with { Summary = "changed" };

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => Store.SaveAsync(new ComplaintChange(next, current.Version, [], new IdempotencyRecord("dup", "x", c.Id, next))).AsTask());

        Assert.Equal(before, await StoredAsync(c.Id));
    }

    /// <summary>Queries filter by step, owner, customer, category and openness, in id order, a page at a time.</summary>
    [Fact]
    public async Task Query_FiltersByStepOwnerCustomerCategoryAndOpenness_InIdOrder()
    {
        var a = await OpenAsync("cust-a", "delivery");
        var b = await OpenAsync("cust-b", "billing");
        var c = await OpenAsync("cust-a", "billing");
        a = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = a.Id, Actor = Agent, Owner = Agent });
        c = await Desk.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Agent });

        Assert.Equal([a.Id], await IdsAsync(new ComplaintQuery { Step = StepIds.Listen }));
        Assert.Equal([a.Id], await IdsAsync(new ComplaintQuery { OwnerId = Agent.Id }));
        Assert.Equal([a.Id], await IdsAsync(new ComplaintQuery { CustomerRef = "cust-a" }));
        Assert.Equal([a.Id, c.Id], await IdsAsync(new ComplaintQuery { CustomerRef = "cust-a", OpenOnly = false }));
        Assert.Equal([b.Id, c.Id], await IdsAsync(new ComplaintQuery { Category = "billing", OpenOnly = false }));
        Assert.Equal([b.Id], await IdsAsync(new ComplaintQuery { OpenOnly = false, After = a.Id, Limit = 1 }));
        Assert.Empty(await IdsAsync(new ComplaintQuery { OpenOnly = false, ReceivedSince = Time.GetUtcNow().AddMinutes(1) }));
    }

    /// <summary>Only due cases are claimed, and a claim's lease keeps other claimers off until it runs out.</summary>
    [Fact]
    public async Task ClaimDue_ClaimsOnlyDueCases_AndALeaseKeepsOthersOff()
    {
        var due = await OpenAsync();
        Time.Advance(TimeSpan.FromDays(1));
        var notYet = await OpenAsync();
        var now = due.NextDueAt!.Value.AddMinutes(1);
        Assert.True(notYet.NextDueAt > now);

        Assert.Equal([due.Id], (await Store.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(5))).CaseIds);
        Assert.Empty((await Store.ClaimDueAsync(now.AddMinutes(1), 10, TimeSpan.FromMinutes(5))).CaseIds);
        Assert.Equal([due.Id], (await Store.ClaimDueAsync(now.AddMinutes(6), 10, TimeSpan.FromMinutes(5))).CaseIds);
    }

    /// <summary>
    /// A claim holds a case at the due instant it was claimed for: once the case is saved with another, the claim has
    /// lapsed, so what falls due next is claimed when it comes, not when the lease runs out.
    /// </summary>
    [Fact]
    public async Task ClaimDue_AfterTheCaseIsSavedWithANewDueInstant_ClaimsItAgainWithoutWaitingForTheLease()
    {
        var c = await OpenAsync();
        var acknowledge = c.Clocks.Single(k => k.Name == ClockNames.Acknowledge);
        Time.SetUtcNow(acknowledge.WarnAt);
        Assert.Equal([c.Id], (await Store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromDays(1))).CaseIds);
        c = await Desk.RecordDueClocksAsync(c.Id);
        Assert.True(c.NextDueAt > acknowledge.WarnAt);

        Time.SetUtcNow(c.NextDueAt!.Value);
        Assert.Equal([c.Id], (await Store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromDays(1))).CaseIds);
        Assert.Empty((await Store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromDays(1))).CaseIds);
    }

    /// <summary>
    /// Handing back deadline claims (<see cref="IComplaintStore.ReleaseDueAsync"/>) never releases a claim that is not the
    /// caller's: one held until another instant was made by another claim. A store that keeps the default (releasing
    /// nothing) passes; one that releases claims frees the caller's at once.
    /// </summary>
    [Fact]
    public async Task ReleaseDue_LeavesAClaimHeldUntilAnotherInstant()
    {
        var c = await OpenAsync();
        var now = c.NextDueAt!.Value.AddMinutes(1);
        var lease = TimeSpan.FromMinutes(5);
        Assert.Equal([c.Id], (await Store.ClaimDueAsync(now, 10, lease)).CaseIds);

        await Store.ReleaseDueAsync([c.Id], now + lease + TimeSpan.FromSeconds(1));

        Assert.Empty((await Store.ClaimDueAsync(now, 10, lease)).CaseIds);
    }

    /// <summary>Opens a case a millisecond after the last one, so cases sort in the order they were opened.</summary>
    protected async Task<ComplaintCase> OpenAsync(string customer = "cust-1", string? category = null)
    {
        // Ids order by the millisecond a case opens; within one millisecond their order is random.
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return await Desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Late parcel", Channel = Channel.Email, Actor = Agent, Categories = category is null ? [] : [category] });
    }

    /// <summary>The case and its history as stored, as one text, for checking that a refusal changed nothing.</summary>
    protected async Task<string> StoredAsync(ComplaintId id)
    {
        var found = await Store.FindAsync(id);
        var history = await Store.GetHistoryAsync(id);
        return Json(found) + string.Join("|", history.Select(e => JsonSerializer.Serialize(e, ComplaintFlowJson.Options)));
    }

    private static string Json(ComplaintCase? c) => JsonSerializer.Serialize(c, ComplaintFlowJson.Options);

    private async Task<List<ComplaintId>> IdsAsync(ComplaintQuery query) => [.. (await Store.QueryAsync(query)).Cases.Select(c => c.Id)];

    /// <summary>A case that went through most of life: escalation, clocks, proposals, redress, an outcome, a reopen.</summary>
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
