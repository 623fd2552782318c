using ComplaintFlow.Outbox;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// The store contract plus what only a database can show: rows damaged behind the store's back fail loudly, name
/// their case, and leave every other case working.
/// </summary>
public abstract partial class SqlStoreContract : StoreContract
{
    [Fact]
    public async Task CorruptRow_FailsToLoadNamingTheCase_OtherCasesKeepWorking()
    {
        var broken = await OpenAsync("cust-x");
        var fine = await OpenAsync("cust-y");
        await CorruptCaseAsync(broken.Id);

        var act = () => Desk.GetAsync(broken.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(broken.Id);
        error.Problem.Should().Contain("cannot be read");
        (await Desk.ExecuteAsync(new AddNote { CaseId = fine.Id, Actor = Agent, Text = "still fine" })).Notes.Should().ContainSingle();
    }

    [Fact]
    public async Task Outbox_UnreadableEvent_IsParkedNamingIt_EarlierEventsAndOtherCasesAreDelivered()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var broken = await app.OpenAsync("cust-x");
        broken = await app.Desk.ExecuteAsync(new AddNote { CaseId = broken.Id, Actor = Agent, Text = "after the damage" });
        var fine = await app.OpenAsync("cust-y");
        await CorruptEventAsync(broken.Id, 2);

        await app.Outbox.DispatchPendingAsync();

        app.Handler.SequencesOf(fine.Id).Should().Equal(Enumerable.Range(1, (int)fine.Version).Select(i => (long)i));
        app.Handler.SequencesOf(broken.Id).Should().Equal([1L], "the event before the unreadable one is delivered; nothing after it overtakes it");
        var listed = await app.Outbox.ListAsync(new OutboxQuery { CaseId = broken.Id });
        listed.Single(e => e.Sequence == 2).ReadError.Should().Contain("cannot be read", "the listing shows the unreadable event as such");
        var (parked, lastError) = await OutboxRowAsync(broken.Id, 2);
        parked.Should().BeTrue("an event that cannot be read is parked at once, never retried blindly");
        lastError.Should().Contain("event 2 cannot be read");
    }

    [Fact]
    public async Task Outbox_CaseThatCannotBeRead_WaitsWithTheReason_OtherCasesAreDelivered()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var broken = await app.OpenAsync("cust-x");
        var fine = await app.OpenAsync("cust-y");
        await CorruptCaseAsync(broken.Id);

        await app.Outbox.DispatchPendingAsync();

        app.Handler.SequencesOf(fine.Id).Should().Equal(Enumerable.Range(1, (int)fine.Version).Select(i => (long)i));
        app.Handler.SequencesOf(broken.Id).Should().BeEmpty("handlers are promised the case with each event");
        var (parked, lastError) = await OutboxRowAsync(broken.Id, 1);
        parked.Should().BeFalse("the case may be repaired; the event is retried like any failure");
        lastError.Should().Contain("loading the case").And.Contain(nameof(ComplaintDataException));
    }

    /// <summary>Overwrites the case's stored snapshot with a document the store cannot read as a case.</summary>
    protected abstract Task CorruptCaseAsync(ComplaintId caseId);

    /// <summary>Overwrites one stored event with a document the store cannot read as an event.</summary>
    protected abstract Task CorruptEventAsync(ComplaintId caseId, long sequence);

    /// <summary>Reads one outbox row's state straight from the database.</summary>
    protected abstract Task<(bool Parked, string? LastError)> OutboxRowAsync(ComplaintId caseId, long sequence);
}
