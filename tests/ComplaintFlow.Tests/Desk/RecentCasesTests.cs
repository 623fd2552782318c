using ComplaintFlow.Events;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Desk;

/// <summary>
/// A desk on a database decides a command on the copy it saved last, without reading it back; when another desk wrote
/// since, the version check catches it and the desk decides again on a fresh read. Two desks with their own SQLite
/// stores share one file here, as two app instances share a database.
/// </summary>
public sealed class RecentCasesTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TestDesk.Start);
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-recent-").FullName;
    private readonly ServiceProvider _first;
    private readonly ServiceProvider _second;

    public RecentCasesTests()
    {
        _first = Build();
        _second = Build();
    }

    private IComplaintDesk First => _first.GetRequiredService<IComplaintDesk>();

    private IComplaintDesk Second => _second.GetRequiredService<IComplaintDesk>();

    private IComplaintStore Stored => _first.GetRequiredService<IComplaintStore>();

    [Fact]
    public async Task Command_AfterAnotherDeskWrote_IsDecidedAgainOnTheStoredCase_AndAppliedOnce()
    {
        var c = await First.OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        var elsewhere = await Second.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "from the second desk" });

        var here = await First.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "from the first desk" });

        here.Version.Should().Be(elsewhere.Version + 1);
        here.Notes.Select(n => n.Text).Should().Equal("from the second desk", "from the first desk");
        var history = await Stored.GetHistoryAsync(c.Id);
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Select(e => e.Data).OfType<NoteAdded>().Should().HaveCount(2);
    }

    [Fact]
    public async Task ExpectedVersion_IsCheckedAgainstTheStoredCase_NotTheRememberedOne()
    {
        var c = await First.OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        var elsewhere = await Second.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "moved on" });

        var stale = () => First.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "too late", ExpectedVersion = c.Version }).AsTask();
        (await stale.Should().ThrowAsync<ComplaintConcurrencyException>()).Which.ActualVersion.Should().Be(elsewhere.Version);

        var current = await First.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "in time", ExpectedVersion = elsewhere.Version });
        current.Version.Should().Be(elsewhere.Version + 1);
    }

    [Fact]
    public async Task StaleCopy_ThatWouldRefuseAnActionTheStoredCaseAllows_IsNotTrusted()
    {
        var c = await First.OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        await Second.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent });

        // The first desk's copy is still at 'acknowledge', where a statement is not allowed; the stored case is at 'listen'.
        var heard = await First.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Agent, Text = "It came two weeks late." });

        heard.Statements.Should().ContainSingle();
    }

    [Fact]
    public async Task StaleCopy_ThatNoLongerAllowsTheAction_IsRefusedByTheProcess_NotApplied()
    {
        var c = await First.OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        await Second.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Actors.Agent, Reason = "Found it" });

        var act = () => First.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent }).AsTask();

        await act.Should().ThrowAsync<ActionNotPermittedException>("the desk re-decided on the withdrawn case");
        (await Stored.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ComplaintAcknowledged>().Should().BeEmpty();
    }

    [Fact]
    public async Task RecordDueClocks_OnARememberedCopyWithNothingDue_LooksAtTheStoredCase_AndRecordsItsBreach()
    {
        // The worker's desk remembered the case before the other desk started a clock on it. Deciding on that copy found
        // nothing due, and a change with nothing to save never meets the version check that catches a stale copy: the
        // breach went unrecorded, each time the worker claimed the case, until this desk happened to save it again.
        using var worker = Build(OneHourCallback, "clocks.db");
        using var other = Build(OneHourCallback, "clocks.db");
        var c = await worker.GetRequiredService<IComplaintDesk>().OpenAsync(new OpenComplaint { CustomerRef = "cust-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        await other.GetRequiredService<IComplaintDesk>().ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent });
        _time.Advance(TimeSpan.FromHours(2));

        var recorded = await worker.GetRequiredService<IComplaintDesk>().RecordDueClocksAsync(c.Id);

        recorded.Clocks.Should().ContainSingle(k => k.Name == "callback").Which.Breached.Should().BeTrue();
        var history = await other.GetRequiredService<IComplaintStore>().GetHistoryAsync(c.Id);
        history.Select(e => e.Data).OfType<ClockBreached>().Should().ContainSingle(b => b.Name == "callback");
    }

    private static void OneHourCallback(ComplaintFlowOptions options)
    {
        options.Clocks.Clocks.Clear();
        options.Clocks.Clocks.Add(new ClockDefinition
        {
            Name = "callback",
            Description = "Call the customer back within the hour.",
            StartsOn = ClockTriggers.Acknowledged,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.CalendarTime(TimeSpan.FromHours(1)),
        });
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Build(Action<ComplaintFlowOptions>? options = null, string file = "complaints.db")
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddComplaintFlow(options).UseSqlite($"Data Source={Path.Combine(_folder, file)}");
        return services.BuildServiceProvider();
    }
}
