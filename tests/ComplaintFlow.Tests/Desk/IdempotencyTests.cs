using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Desk;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task ExecuteAsync_RepeatedKey_ReturnsEarlierResultWithoutApplyingTwice()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Called the courier", IdempotencyKey = "retry-1" };

        var first = await t.Desk.ExecuteAsync(note);
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Something later" });
        var repeat = await t.Desk.ExecuteAsync(note with { });

        repeat.Should().BeSameAs(first, "the repeat answers with the snapshot the first call returned");
        var stored = await t.Desk.GetAsync(c.Id);
        stored.Notes.Should().HaveCount(2);
        (await t.Desk.GetHistoryAsync(c.Id)).Should().HaveCount((int)c.Version + 2);
    }

    [Fact]
    public async Task OpenAsync_RepeatedKey_ReturnsTheSameCase()
    {
        using var t = new TestDesk();
        var open = new OpenComplaint { CustomerRef = "c-1", Summary = "Broken", Channel = Channel.Web, Actor = Actors.Agent, IdempotencyKey = "web-form-778" };

        var first = await t.Desk.OpenAsync(open);
        var second = await t.Desk.OpenAsync(open);

        second.Id.Should().Be(first.Id);
        (await t.Desk.QueryAsync(new Storage.ComplaintQuery())).Should().ContainSingle();
    }

    [Fact]
    public async Task ExecuteAsync_SameKeyDifferentCommand_IsRefused()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "one", IdempotencyKey = "k" });

        var act = () => t.Desk.ExecuteAsync(new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.High, IdempotencyKey = "k" }).AsTask();

        var error = (await act.Should().ThrowAsync<IdempotencyKeyReusedException>()).Which;
        error.IdempotencyKey.Should().Be("k");
        error.FirstCaseId.Should().Be(c.Id);
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrentRetriesOfOneKey_ApplyOnce()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "double-clicked", IdempotencyKey = "click-1" };

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await t.Desk.ExecuteAsync(note))));

        results.Select(r => r.Version).Distinct().Should().ContainSingle();
        (await t.Desk.GetAsync(c.Id)).Notes.Should().ContainSingle();
    }
}
