using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Text;
using ComplaintFlow.Reports;
using ComplaintFlow.Reports.Export;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// What every store's reports must give (PR-20, PR-21): the figures worked out by hand for <see cref="MarchScript"/>,
/// the same reports as the in-memory store (which folds the histories) on the 300 cases of <see cref="ReportDataset"/>
/// under each jurisdiction, and the same again after the report rows are rebuilt from the histories.
/// </summary>
public abstract partial class ReportContract : IAsyncLifetime
{
    // The in-memory store's reports of the dataset, computed once per jurisdiction for every store's comparison.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Reference = new();

    /// <summary>A new, empty store, and a way to delete its report rows (null when it keeps none).</summary>
    protected abstract StoreUnderTest NewStore();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(ReportDataset.Jurisdictions), MemberType = typeof(ReportDataset))]
    public async Task Reports_OfTheDataset_AreTheInMemoryStoresOnes(string jurisdiction)
    {
        var j = ReportDataset.Get(jurisdiction);
        var reference = await Reference.GetOrAdd(jurisdiction, _ => new Lazy<Task<string>>(() => ReportsOfAsync(j, b => b.UseInMemoryStore()))).Value;

        var reports = await ReportsOfAsync(j, NewStore().Use);

        reports.Should().Be(reference);
    }

    [Theory]
    [MemberData(nameof(ReportDataset.Jurisdictions), MemberType = typeof(ReportDataset))]
    public async Task Dataset_HasEveryKindOfCaseTheContractClaims(string jurisdiction)
    {
        var j = ReportDataset.Get(jurisdiction);
        var (t, _) = await ReportDataset.RunAsync(j, NewStore().Use);
        await using var _ = t;

        var half = await t.Reports.GetSummaryAsync(ReportPeriod.HalfYear(2026, 1, j.Zone));
        var march = await t.Reports.GetSummaryAsync(ReportPeriod.Month(2026, 3, j.Zone));

        // Cases cross both ends of each period, and every shape is present, so the comparison above compares something.
        (half.OpenAtStart, half.OpenAtEnd, march.OpenAtStart, march.OpenAtEnd).Should().Match<(long, long, long, long)>(o => o.Item1 > 0 && o.Item2 > 0 && o.Item3 > 0 && o.Item4 > 0);
        (half.Withdrawn, half.Reopened, half.Escalations.Length).Should().Match<(long, long, int)>(o => o.Item1 > 0 && o.Item2 > 0 && o.Item3 > 0);
        half.Upheld.Of.Should().BeGreaterThan(half.Upheld.Count, "some complaints were not upheld");
        half.ServiceLevels.Should().Contain(l => l.Missed > 0).And.Contain(l => l.Warned > 0);
        half.Csat.Distribution.Should().OnlyContain(n => n > 0);
        half.RepeatComplainants.Repeat.Should().BePositive();
        half.Redress.Select(r => r.Kind).Should().Contain([Outcomes.RedressKind.Goodwill, Outcomes.RedressKind.RefundOfLoss]);
    }

    [Fact]
    public async Task Rebuild_AfterTheReportRowsWereLost_GivesTheSameReports()
    {
        var store = NewStore();
        await using var t = await MarchScript.RunAsync(store.Use);
        var before = await MarchJsonAsync(t);

        if (store.ClearReportRows is null)
        {
            (await t.Reports.RebuildAsync()).Should().Be(0, "this store keeps no report rows; it reports from the histories");
            (await MarchJsonAsync(t)).Should().Be(before);
            return;
        }

        await store.ClearReportRows();
        (await t.Reports.GetSummaryAsync(MarchScript.March)).Received.Should().Be(0, "the store reports from its rows, and they are gone");

        // 30 cases: F1-F3, H1-H20 and S1-S7 (S7 is received in April, after the period, and is rebuilt all the same).
        (await t.Reports.RebuildAsync()).Should().Be(30);
        (await MarchJsonAsync(t)).Should().Be(before);
        (await t.Reports.RebuildAsync()).Should().Be(30);
        (await MarchJsonAsync(t)).Should().Be(before, "a second rebuild replaces the rows, it does not add to them");
    }

    private static async Task<string> MarchJsonAsync(ReportDesk t)
    {
        var json = new StringBuilder();
        json.Append(await JsonAsync(async s => await ReportExport.WriteSummaryJsonAsync(await t.Reports.GetSummaryAsync(MarchScript.March), s)));
        json.Append(await JsonAsync(async s => await ReportExport.WriteFcaReturnJsonAsync(await t.Reports.GetFcaReturnAsync(MarchScript.March), s)));
        json.Append(await JsonAsync(async s => await ReportExport.WriteAsicIdrJsonAsync(await t.Reports.GetAsicIdrRowsAsync(MarchScript.March), s)));
        return json.ToString();
    }

    // Every report the dataset can answer, as exported JSON, with case ids replaced by the dataset's names (each store
    // gives its cases new ids).
    private static async Task<string> ReportsOfAsync(ReportDataset.Jurisdiction j, Action<ComplaintFlowBuilder> useStore)
    {
        var (t, names) = await ReportDataset.RunAsync(j, useStore);
        await using var _ = t;
        var reports = t.Reports;
        var march = ReportPeriod.Month(2026, 3, j.Zone);
        var half = ReportPeriod.HalfYear(2026, 1, j.Zone);
        var asOf = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var json = new StringBuilder();
        foreach (var (period, filter, options) in new (ReportPeriod, ReportFilter?, SummaryOptions?)[]
        {
            (march, null, null),
            (half, null, new SummaryOptions { Monthly = true, Top = 3, RepeatWindow = TimeSpan.FromDays(30) }),
            (march, new ReportFilter { Category = "cards" }, null),
            (half, new ReportFilter { Product = "loan", Channel = Channel.Email }, null),
            (half, new ReportFilter { Tier = "supervisor" }, null),
        })
        {
            var summary = await reports.GetSummaryAsync(period, filter, options);
            json.Append(await JsonAsync(s => ReportExport.WriteSummaryJsonAsync(summary, s)));
        }

        var fca = await reports.GetFcaReturnAsync(half);
        json.Append(await JsonAsync(s => ReportExport.WriteFcaReturnJsonAsync(fca, s)));
        var asic = await reports.GetAsicIdrRowsAsync(half);
        json.Append(await JsonAsync(s => ReportExport.WriteAsicIdrJsonAsync(asic, s)));
        var cfpb = await reports.GetCfpbSummaryAsync(half, asOf);
        json.Append(await JsonAsync(s => ReportExport.WriteCfpbSummaryJsonAsync(cfpb, s)));
        foreach (var (id, name) in names)
        {
            json.Replace(id.ToString(), name);
        }

        return json.ToString();
    }

    private static async Task<string> JsonAsync(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>A store for one test: how to register it, and how to delete its report rows.</summary>
public sealed record StoreUnderTest(Action<ComplaintFlowBuilder> Use, Func<Task>? ClearReportRows);
