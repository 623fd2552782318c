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

    /// <summary>
    /// A retry sent after the caller's sign-in was refreshed: the same person, with a new display name, team and
    /// roles. It is the same request, so it answers with the first result instead of refusing the key as reused.
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_RetryAfterActorDetailsRefreshed_ReturnsFirstResult()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Called the courier", IdempotencyKey = "retry-2" };
        var first = await t.Desk.ExecuteAsync(note);

        var refreshed = Actors.Agent with { DisplayName = "Agent (Team B)", Team = "team-b", Roles = ["quality-review"] };
        var repeat = await t.Desk.ExecuteAsync(note with { Actor = refreshed });

        repeat.Should().BeSameAs(first);
        (await t.Desk.GetAsync(c.Id)).Notes.Should().ContainSingle();
    }

    [Fact]
    public async Task OpenAsync_RetryAfterActorDetailsRefreshed_ReturnsTheSameCase()
    {
        using var t = new TestDesk();
        var open = new OpenComplaint { CustomerRef = "c-1", Summary = "Broken", Channel = Channel.Web, Actor = Actors.Agent, IdempotencyKey = "web-form-779" };
        var first = await t.Desk.OpenAsync(open);

        var second = await t.Desk.OpenAsync(open with { Actor = Actors.Agent with { DisplayName = "A. Agent" } });

        second.Id.Should().Be(first.Id);
        (await t.Desk.QueryAsync(new Storage.ComplaintQuery())).Cases.Should().ContainSingle();
    }

    /// <summary>Someone else's command under a key already used is a reuse, even when it asks for the same thing.</summary>
    [Fact]
    public async Task ExecuteAsync_SameKeyFromAnotherActor_IsRefused()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        var note = new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Called the courier", IdempotencyKey = "retry-3" };
        await t.Desk.ExecuteAsync(note);

        var act = () => t.Desk.ExecuteAsync(note with { Actor = new Actor("a-2", Actors.Agent.DisplayName, Actors.Agent.Tier) }).AsTask();

        (await act.Should().ThrowAsync<IdempotencyKeyReusedException>()).Which.IdempotencyKey.Should().Be("retry-3");
        (await t.Desk.GetAsync(c.Id)).Notes.Should().ContainSingle();
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

    /// <summary>
    /// An app's store that refuses a key as taken but then has no record under it broke its own promise (the record
    /// is saved with the case, in one transaction): the desk blames the store, with a typed error naming the key,
    /// not a raw InvalidOperationException, and nothing is saved.
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_StoreRefusesKeyButHasNoRecord_ThrowsStoreExceptionNamingKey()
    {
        using var shared = new TestDesk();
        var c = await shared.OpenAsync();
        using var t = new TestDesk(b => b.UseStore(_ => new KeyTakenWithoutRecordStore(shared.Store)));

        var act = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "Called back", IdempotencyKey = "note-9" }).AsTask();

        var thrown = (await act.Should().ThrowAsync<ComplaintStoreException>()).Which;
        thrown.Store.Should().Be(nameof(KeyTakenWithoutRecordStore));
        thrown.Message.Should().Contain("'note-9'");
        thrown.IsTransient.Should().BeFalse();
        (await shared.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version);
    }

    private sealed class KeyTakenWithoutRecordStore(Storage.IComplaintStore inner) : DelegatingStore(inner)
    {
        public override ValueTask SaveAsync(Storage.ComplaintChange change, CancellationToken cancellationToken = default)
        {
            if (change.Idempotency is { } record)
            {
                throw new Storage.IdempotencyKeyConflictException(record.Key);
            }

            return base.SaveAsync(change, cancellationToken);
        }
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
