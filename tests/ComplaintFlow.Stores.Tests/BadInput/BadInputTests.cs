using System.Text;
using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Serialization;
using ComplaintFlow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Stores.Tests.BadInput;

/// <summary>
/// Every bad input gets a typed error that names the problem, and leaves the case, its history and the store's row
/// counts exactly as they were: run on each store by a subclass (PR-23: only clearly bad input is refused).
/// </summary>
public abstract class BadInputTests : IAsyncLifetime
{
    private static readonly Actor Agent = new("a-001", "Sam Agent", "agent");

    private readonly RecordingHandler _handler = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _provider;

    public static TheoryData<string> Names => [.. BadInputTable.Rows.Keys];

    private IComplaintDesk Desk => _provider!.GetRequiredService<IComplaintDesk>();

    private IComplaintStore Store => _provider!.GetRequiredService<IComplaintStore>();

    public virtual ValueTask InitializeAsync()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        var builder = services.AddComplaintFlow();
        builder.Services.AddSingleton<IComplaintEventHandler>(_handler);
        UseStore(builder);
        _provider = services.BuildServiceProvider();
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

    [Fact]
    public void Rows_AreAtLeastOneHundredAndFifty() => BadInputTable.Rows.Should().HaveCountGreaterThanOrEqualTo(150);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadInput_ThrowsTypedErrorNamingTheProblem_AndLeavesStoredDataUnchanged(string name)
    {
        var row = BadInputTable.Rows[name];
        var c = await CaseInSeekResolutionAsync();
        var key = $"note-{c.Id}";
        c = await Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Agent, Text = "first note", IdempotencyKey = key });
        var context = new BadInputContext(Desk, _provider!.GetRequiredService<IComplaintOutbox>(), c.Id, c.Version, key, _time.GetUtcNow(), DeskWithOptions, _time);
        if (row.Arrange is { } arrange)
        {
            // Rows about the end of a case bring their own case to the point they test, before anything is compared.
            var (desk, id) = await arrange(context);
            context = context with { Desk = desk, Id = id, Version = (await Store.FindAsync(id))!.Version, Now = _time.GetUtcNow() };
        }

        var before = await StoredAsync(context.Id);
        var rowsBefore = await RowCountsAsync();
        var handledBefore = _handler.Count;

        var act = () => row.Act(context);

        var error = (await act.Should().ThrowAsync<Exception>()).Which;
        error.Should().BeOfType(row.Expected, error.ToString());
        error.Message.Should().Contain(row.Fragment);
        (await StoredAsync(context.Id)).Should().Be(before, "a refused command changes nothing");
        (await RowCountsAsync()).Should().Be(rowsBefore, "a refused command writes no row anywhere");
        _handler.Count.Should().Be(handledBefore, "a refused command raises no events");
    }

    /// <summary>Registers the store under test.</summary>
    protected abstract void UseStore(ComplaintFlowBuilder builder);

    /// <summary>The store's row counts per table, as one comparable string.</summary>
    protected virtual async Task<string> RowCountsAsync()
    {
        var cases = 0;
        var events = 0;
        ComplaintId? after = null;
        do
        {
            var page = await Store.QueryAsync(new ComplaintQuery { OpenOnly = false, After = after, Limit = 1000 });
            cases += page.Cases.Count + page.Unreadable.Count;
            foreach (var complaint in page.Cases)
            {
                events += (await Store.GetHistoryAsync(complaint.Id)).Count;
            }

            after = page.Next;
        }
        while (after is not null);

        var outbox = (await Store.ListOutboxAsync(new OutboxQuery { Limit = 1000 })).Count;
        return $"cases {cases}, events {events}, outbox {outbox}";
    }

    private IComplaintDesk DeskWithOptions(Action<ComplaintFlowOptions> configure)
    {
        // The same store under options the app got wrong. Not disposed: it would dispose the shared store.
        var store = Store;
        var provider = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddComplaintFlow(configure).UseStore(_ => store).Services.BuildServiceProvider();
        return provider.GetRequiredService<IComplaintDesk>();
    }

    private async Task<ComplaintCase> CaseInSeekResolutionAsync()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = $"cust-{Guid.NewGuid():N}", Summary = "Parcel arrived two weeks late", Channel = Channel.Email, Actor = Agent });
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        c = await Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Agent, Text = "It came after the birthday it was for." });
        c = await Desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = "The gift came too late." });
        c = await Desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Agent });
        return await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Credit, Details = "Some credit" });
    }

    private async Task<string> StoredAsync(ComplaintId id)
    {
        var found = await Store.FindAsync(id);
        var history = await Store.GetHistoryAsync(id);
        return Encoding.UTF8.GetString(ComplaintJson.SerializeCase(found!)) + "\n" + string.Join("\n", history.Select(e => Encoding.UTF8.GetString(ComplaintJson.SerializeEvent(e))));
    }

    private sealed class RecordingHandler : IComplaintEventHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }
}
