using ComplaintFlow.Outbox;
using ComplaintFlow.Storage;

namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// Rows damaged behind the store's back: each fails only operations on its own case, with a typed error that names
/// the case, and never spreads to queries, other customers' commands or the outbox listing.
/// </summary>
public abstract partial class SqlStoreContract
{
    [Fact]
    public async Task Query_PageHoldingOneUnreadableCase_ReturnsTheReadableCases_WithoutThrowing()
    {
        var before = await OpenAsync("cust-x");
        var broken = await OpenAsync("cust-x");
        var after = await OpenAsync("cust-y");
        await CorruptCaseAsync(broken.Id);

        var page = await Desk.QueryAsync(new ComplaintQuery { OpenOnly = false });

        page.Cases.Select(c => c.Id).Should().Equal(before.Id, after.Id);
        page.Unreadable.Should().ContainSingle().Which.Should().Match<UnreadableCase>(u => u.Id == broken.Id.ToString() && u.Reason.Contains("cannot be read"));
    }

    [Fact]
    public async Task Open_ForACustomerWhoseEarlierCaseIsUnreadable_StillOpens()
    {
        var broken = await OpenAsync("cust-x");
        await CorruptCaseAsync(broken.Id);

        var opened = await OpenAsync("cust-x");

        opened.Step.Should().Be(Process.StepIds.Acknowledge, "the repeat-complainant count needs no documents");
    }

    [Fact]
    public async Task Outbox_List_WithOneUnreadableEvent_ShowsItAsUnreadable_AndListsEveryOtherEntry()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var broken = await app.OpenAsync("cust-x");
        broken = await app.Desk.ExecuteAsync(new AddNote { CaseId = broken.Id, Actor = Agent, Text = "after the damage" });
        var fine = await app.OpenAsync("cust-y");
        await CorruptEventAsync(broken.Id, 2);

        var all = await app.Outbox.ListAsync(new OutboxQuery());

        all.Where(e => e.CaseId == fine.Id).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, (int)fine.Version).Select(i => (long)i));
        var damaged = all.Where(e => e.CaseId == broken.Id).ToList();
        damaged.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, (int)broken.Version).Select(i => (long)i));
        damaged.Single(e => e.Sequence == 2).Should().Match<OutboxEntry>(e => e.Event == null && e.ReadError!.Contains("cannot be read"));
        damaged.Where(e => e.Sequence != 2).Should().OnlyContain(e => e.Event != null && e.ReadError == null);
    }

    [Fact]
    public async Task Outbox_ACaseWhoseFirstWaitingEventIsUnreadable_IsParkedAndReleased_SoARedriveIsClaimedAtOnce()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var broken = await app.OpenAsync("cust-x");
        await CorruptEventAsync(broken.Id, 1);

        await app.Outbox.DispatchPendingAsync();
        (await app.Outbox.ListAsync(new OutboxQuery { ParkedOnly = true })).Should().Contain(e => e.CaseId == broken.Id && e.Sequence == 1);

        // An operator re-drives it at once (say, after repairing the row): the next dispatcher claims the case straight
        // away, rather than waiting out the first one's lease on a case it parked and did not deliver.
        await app.Outbox.RedriveAsync(broken.Id);
        await app.Outbox.DispatchPendingAsync();

        (await app.Outbox.ListAsync(new OutboxQuery { ParkedOnly = true })).Should().Contain(e => e.CaseId == broken.Id && e.Sequence == 1, "the second dispatcher claimed the case and found the row still unreadable");
    }

    [Fact]
    public async Task Outbox_ListParkedOnly_WithAnUnreadableParkedEvent_ShowsIt()
    {
        await using var app = OnThisStore(o => o.Outbox.DispatchAfterCommand = false);
        var broken = await app.OpenAsync("cust-x");
        broken = await app.Desk.ExecuteAsync(new AddNote { CaseId = broken.Id, Actor = Agent, Text = "after the damage" });
        await CorruptEventAsync(broken.Id, 2);
        await app.Outbox.DispatchPendingAsync();

        var parked = await app.Outbox.ListAsync(new OutboxQuery { ParkedOnly = true });

        parked.Should().ContainSingle().Which.Should().Match<OutboxEntry>(e => e.CaseId == broken.Id && e.Sequence == 2 && e.IsParked && e.ReadError != null);
    }

    [Fact]
    public async Task History_WithAGap_IsADataErrorNamingTheCaseAndTheFirstBadSequence()
    {
        var c = await LongerCaseAsync();
        await DeleteEventAsync(c.Id, 3);

        var act = () => Desk.GetHistoryAsync(c.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain("event 3");
    }

    [Theory]
    [InlineData("step")]
    [InlineData("customerRef")]
    [InlineData("openedBy")]
    public async Task Case_WhoseDocumentHasNullWhereAValueIsRequired_IsADataErrorWhenLoaded(string member)
    {
        // Null was read into members that may not be null: a null step then failed inside the process's lookup with a
        // raw ArgumentNullException (an unmapped 500 on the web), and the others were handed on to fail later. The
        // load is the one commands make too when they do not decide on the copy their desk saved last.
        var c = await LongerCaseAsync();
        await NullCaseMemberAsync(c.Id, member);

        var load = () => Desk.GetAsync(c.Id).AsTask();

        var error = (await load.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain(member);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task History_WhoseLastEventsAreLost_IsADataError_NotAShorterHistoryOrAMissingCase(bool all)
    {
        // Only the numbering 1..n was checked: a history that lost its tail came back as if complete, and one that lost
        // every event made the desk say the case did not exist, while GetAsync on it said the data was damaged.
        var c = await LongerCaseAsync();
        for (var sequence = c.Version; sequence > (all ? 0 : c.Version - 2); sequence--)
        {
            await DeleteEventAsync(c.Id, sequence);
        }

        var act = () => Desk.GetHistoryAsync(c.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain($"version {c.Version}");
    }

    [Fact]
    public async Task History_WithARepeatedSequence_IsADataErrorNamingTheCaseAndTheSequence()
    {
        var c = await LongerCaseAsync();
        await RenumberEventDocumentAsync(c.Id, sequence: 3, documentSays: 2);

        var act = () => Desk.GetHistoryAsync(c.Id).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain("event 3");
    }

    [Fact]
    public async Task Case_WhoseVersionColumnWasEdited_IsADataError_NotAnEndlessConflict()
    {
        var c = await LongerCaseAsync();
        await SetVersionColumnAsync(c.Id, c.Version + 5);

        var act = () => Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "hello" }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintDataException>()).Which;
        error.CaseId.Should().Be(c.Id);
        error.Problem.Should().Contain($"{c.Version + 5}").And.Contain($"{c.Version}");
    }

    private async Task<ComplaintCase> LongerCaseAsync()
    {
        var c = await OpenAsync("cust-long");
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        c = await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "one" });
        return await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "two" });
    }

    /// <summary>Sets one member of the case's stored document to JSON null.</summary>
    protected abstract Task NullCaseMemberAsync(ComplaintId caseId, string member);

    /// <summary>Deletes one event row.</summary>
    protected abstract Task DeleteEventAsync(ComplaintId caseId, long sequence);

    /// <summary>Rewrites the sequence inside one event's stored document, leaving its row number alone.</summary>
    protected abstract Task RenumberEventDocumentAsync(ComplaintId caseId, long sequence, long documentSays);

    /// <summary>Sets the case row's version column by hand.</summary>
    protected abstract Task SetVersionColumnAsync(ComplaintId caseId, long version);
}
