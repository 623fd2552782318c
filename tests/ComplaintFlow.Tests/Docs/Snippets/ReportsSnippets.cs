// The C# blocks of docs/reports.md, compiled. DocsCodeBlockTests checks that every line of every block appears here,
// in order; change the two together.
using ComplaintFlow.Reports;
using ComplaintFlow.Reports.Export;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class ReportsSnippets
{
    public static async Task AskAndExportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reports = services.GetRequiredService<IComplaintReports>();
        var march = ReportPeriod.Month(2026, 3, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var summary = await reports.GetSummaryAsync(march, new ReportFilter { Category = "billing" }, cancellationToken: cancellationToken);
        var fcaReturn = await reports.GetFcaReturnAsync(ReportPeriod.HalfYear(2026, 1, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")), cancellationToken);
        var asicRows = await reports.GetAsicIdrRowsAsync(march, cancellationToken);
        var cfpb = await reports.GetCfpbSummaryAsync(march, cancellationToken: cancellationToken);
        _ = (summary, cfpb);

        await using var file = File.CreateText("fca-return.csv");
        await ReportExport.WriteFcaReturnCsvAsync(fcaReturn, file, cancellationToken);
        await using var json = File.Create("asic-idr.json");
        await ReportExport.WriteAsicIdrJsonAsync(asicRows, json, cancellationToken);
    }

    public static void AppFields(IServiceCollection services) =>
        services.AddSingleton<IAsicIdrFields, DemographicsFields>();

    private sealed class DemographicsFields : IAsicIdrFields
    {
        public IReadOnlyList<string> Columns { get; } = ["complainantAgeBand"];

        public ValueTask<IReadOnlyDictionary<string, string>> GetFieldsAsync(AsicIdrRow row, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["complainantAgeBand"] = "35-44" });
    }
}
