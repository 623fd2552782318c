using ComplaintFlow.Reports;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Reports;

/// <summary>Rebuilding the report rows while the app keeps saving (PR-21: the figures must stay true).</summary>
public sealed class ComplaintReportsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-reports-").FullName;

    [Fact]
    public async Task Reports_OfADefaultPeriodOrAnEndlessRepeatWindow_AreRefusedNamingTheArgument()
    {
        using var t = new TestDesk();
        var reports = t.Services.GetRequiredService<IComplaintReports>();
        var march = ReportPeriod.Month(2026, 3, TimeZoneInfo.Utc);

        Func<Task> summary = () => reports.GetSummaryAsync(default).AsTask();
        Func<Task> fca = () => reports.GetFcaReturnAsync(default).AsTask();
        Func<Task> asic = () => reports.GetAsicIdrRowsAsync(default).AsTask();
        Func<Task> cfpb = () => reports.GetCfpbSummaryAsync(default).AsTask();
        var endless = () => reports.GetSummaryAsync(march, options: new SummaryOptions { RepeatWindow = TimeSpan.MaxValue }).AsTask();

        foreach (var ask in new[] { summary, fca, asic, cfpb })
        {
            (await ask.Should().ThrowAsync<ArgumentException>()).Where(e => e.ParamName == "period").WithMessage("*no dates*");
        }

        (await endless.Should().ThrowAsync<ArgumentOutOfRangeException>()).Where(e => e.ParamName == "options").WithMessage("*RepeatWindow*");
    }

    [Fact]
    public async Task FcaReturn_ACaseClosedAtTheVeryEndOfItsEighthWeek_IsClosedWithinEightWeeks_AsItsClockCountsIt()
    {
        var london = BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(london), time: new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), ComplaintFlow.Process.StepIds.SeekResolution, Actors.Supervisor);
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Actors.Supervisor, Decision = ComplaintFlow.Outcomes.ComplaintOutcome.NotUpheld, Reasons = "As ordered.", Channel = Channel.Letter });

        // The eight weeks end at midnight ending the 56th day after receipt: the final response clock's deadline, which
        // a clock stopped at that instant has met. The case closes at that very instant.
        var end = london.EndOfCalendarDay(c.ReceivedAt, 56);
        Clock(c, ClockPresets.FcaFinalResponse).DueAt.Should().Be(end);
        t.Time.SetUtcNow(end);
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Actors.Supervisor, Satisfied = true, Csat = 4 });
        c.ClosedAt.Should().Be(end);

        var fca = await t.Services.GetRequiredService<IComplaintReports>().GetFcaReturnAsync(ReportPeriod.HalfYear(2026, 1, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

        (fca.Rows.Sum(r => r.ClosedWithinEightWeeks), fca.Rows.Sum(r => r.ClosedAfterEightWeeks)).Should().Be((1, 0));
    }

    private static CaseClock Clock(ComplaintCase c, string name) => c.Clocks.Single(k => k.Name == name);

    [Theory]
    [InlineData("Category")]
    [InlineData("Product")]
    [InlineData("Team")]
    [InlineData("Tier")]
    public async Task GetSummary_AFilterWithANul_IsAValidationErrorNamingIt(string member)
    {
        using var t = new TestDesk();
        await t.OpenAsync();
        var filter = member switch
        {
            "Category" => new ReportFilter { Category = "late\0" },
            "Product" => new ReportFilter { Product = "late\0" },
            "Team" => new ReportFilter { Team = "late\0" },
            _ => new ReportFilter { Tier = "late\0" },
        };

        var act = () => t.Services.GetRequiredService<IComplaintReports>().GetSummaryAsync(ReportPeriod.Month(2026, 3, TimeZoneInfo.Utc), filter).AsTask();

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be(member, "a filter no case can match is a mistake to name, not a store failure");
    }

    [Fact]
    public async Task RebuildAsync_ASaveLandsWhileTheHistoryIsRead_KeepsTheSavesFacts()
    {
        using var sqlite = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(_folder, "c.db")}").Services.BuildServiceProvider();
        var store = new SaveDuringHistoryRead(sqlite.GetRequiredService<IComplaintStore>());
        using var t = new TestDesk(b => b.UseStore(_ => store));
        var reports = t.Services.GetRequiredService<IComplaintReports>();
        var c = await t.OpenAsync();
        var period = new ReportPeriod(TestDesk.Start.AddDays(-1), TestDesk.Start.AddDays(1));

        // The customer withdraws after the rebuild has read the case's history (one event: opened) and before it
        // replaces the case's rows: rows rebuilt from that history alone would lose the withdrawal.
        store.OnNextHistoryRead = async () => await t.Desk.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Actors.Agent });
        (await reports.RebuildAsync()).Should().Be(1);

        store.OnNextHistoryRead.Should().BeNull("the save ran inside the rebuild");
        var summary = await reports.GetSummaryAsync(period);
        summary.Received.Should().Be(1);
        summary.Withdrawn.Should().Be(1, "the withdrawal saved during the rebuild is still counted");
        summary.OpenAtEnd.Should().Be(0);
    }

    [Fact]
    public async Task RebuildAsync_AHistoryThatDoesNotAddUpToTheCase_IsADataError_NotAnEndlessLoop()
    {
        using var sqlite = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(_folder, "d.db")}").Services.BuildServiceProvider();
        var store = new ShortHistory(sqlite.GetRequiredService<IComplaintStore>());
        using var t = new TestDesk(b => b.UseStore(_ => store));
        var c = await t.OpenAsync();
        store.DropLast = true;

        var act = () => t.Services.GetRequiredService<IComplaintReports>().RebuildAsync().AsTask();

        (await act.Should().ThrowAsync<ComplaintDataException>()).Which.CaseId.Should().Be(c.Id);
    }

    [Fact]
    public async Task GetSummaryAsync_CasesSavedThroughAnAppsDecorator_AreCountedFromTheTables()
    {
        // An app wraps the SQLite store to count saves; its decorator declares what it wraps through the public
        // Decorated member, and its saves must still write the report rows, or the tables fall behind the cases (PR-21).
        var file = $"Data Source={Path.Combine(_folder, "decorated.db")}";
        CountingStore? counting = null;
        using (var t = new TestDesk(b => b.UseSqlite(file).DecorateStore((inner, _) => counting = new CountingStore(inner))))
        {
            var first = await t.OpenAsync();
            var second = await t.OpenAsync();
            await t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = first.Id, Actor = Actors.Agent, Owner = Actors.Agent });
            await t.Desk.ExecuteAsync(new WithdrawComplaint { CaseId = second.Id, Actor = Actors.Agent });
        }

        // A desk on the same file without the decorator reads the figures from the tables alone.
        using var plain = new ServiceCollection().AddComplaintFlow().UseSqlite(file).Services.BuildServiceProvider();
        var summary = await plain.GetRequiredService<IComplaintReports>().GetSummaryAsync(new ReportPeriod(TestDesk.Start.AddDays(-1), TestDesk.Start.AddDays(1)));

        counting!.Saves.Should().Be(4, "every save went through the app's decorator");
        summary.Received.Should().Be(2);
        summary.Acknowledged.Should().Be(1);
        summary.Withdrawn.Should().Be(1);
        summary.OpenAtEnd.Should().Be(1);
    }

    [Fact]
    public void Desk_ADecoratorThatWrapsItself_IsRefusedWhenTheDeskIsBuilt()
    {
        var loop = new WrapsItself(new InMemoryComplaintStore());

        var act = () => new TestDesk(b => b.UseStore(_ => loop));

        act.Should().Throw<InvalidOperationException>().WithMessage("*WrapsItself*Decorated*returns itself*");
    }

    private sealed class CountingStore(IComplaintStore inner) : DelegatingStore(inner)
    {
        public int Saves { get; private set; }

        public override ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
        {
            Saves++;
            return base.SaveAsync(change, cancellationToken);
        }
    }

    private sealed class WrapsItself(IComplaintStore inner) : DelegatingStore(inner)
    {
        public override IComplaintStore? Decorated => this;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ShortHistory(IComplaintStore inner) : DelegatingStore(inner)
    {
        public bool DropLast { get; set; }

        public override async ValueTask<IReadOnlyList<Events.ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
        {
            var history = await base.GetHistoryAsync(caseId, cancellationToken);
            return DropLast ? [.. history.Take(history.Count - 1)] : history;
        }
    }

    private sealed class SaveDuringHistoryRead(IComplaintStore inner) : DelegatingStore(inner)
    {
        public Func<Task>? OnNextHistoryRead { get; set; }

        public override async ValueTask<IReadOnlyList<Events.ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default)
        {
            var history = await base.GetHistoryAsync(caseId, cancellationToken);
            if (OnNextHistoryRead is { } save)
            {
                OnNextHistoryRead = null;
                await save();
            }

            return history;
        }
    }
}
