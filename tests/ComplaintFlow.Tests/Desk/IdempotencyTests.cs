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

    /// <summary>
    /// The race behind the occasional refusal, made certain: the caller looks its key up and finds nothing, and before
    /// it decides, another caller with the same key commits. It must still get the first result, not a refusal.
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_SameKeyCommittedByAnotherCallerWhileDeciding_ReturnsTheFirstResult()
    {
        using var shared = new TestDesk();
        var c = await shared.OpenAsync();
        var command = new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent, IdempotencyKey = "ack-1" };
        var interleaving = new CommitsFirstStore(shared.Store, () => shared.Desk.ExecuteAsync(command with { }).AsTask());
        using var late = new TestDesk(b => b.UseStore(_ => interleaving));

        var result = await late.Desk.ExecuteAsync(command with { });

        interleaving.Interleaved.Should().BeTrue();
        result.Step.Should().Be(ComplaintFlow.Process.StepIds.Listen);
        result.Version.Should().Be((await shared.Desk.GetAsync(c.Id)).Version);
        (await shared.Desk.GetHistoryAsync(c.Id)).Count(e => e.Data is Events.ComplaintAcknowledged).Should().Be(1);
    }

    [Fact]
    public async Task OpenAsync_RepeatedKey_ReturnsTheSameCase()
    {
        using var t = new TestDesk();
        var open = new OpenComplaint { CustomerRef = "c-1", Summary = "Broken", Channel = Channel.Web, Actor = Actors.Agent, IdempotencyKey = "web-form-778" };

        var first = await t.Desk.OpenAsync(open);
        var second = await t.Desk.OpenAsync(open);

        second.Id.Should().Be(first.Id);
        (await t.Desk.QueryAsync(new Storage.ComplaintQuery())).Cases.Should().ContainSingle();
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

    /// <summary>Answers the first key lookup with "not found", but only after another caller's command has committed.</summary>
    private sealed class CommitsFirstStore(Storage.IComplaintStore inner, Func<Task> otherCaller) : DelegatingStore(inner)
    {
        public bool Interleaved { get; private set; }

        public override async ValueTask<Storage.IdempotencyRecord?> FindIdempotencyRecordAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        {
            if (Interleaved)
            {
                return await base.FindIdempotencyRecordAsync(idempotencyKey, cancellationToken);
            }

            var before = await base.FindIdempotencyRecordAsync(idempotencyKey, cancellationToken);
            Interleaved = true;
            await otherCaller();
            return before;
        }
    }
}
