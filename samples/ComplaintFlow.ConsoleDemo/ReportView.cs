using System.Globalization;
using ComplaintFlow.Reports;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>
/// The report screen: the summary a complaint manager reads (PR-20, PR-21) and the FCA return, as tables and charts.
/// The period runs from the start of this demo session to the simulated now, so earlier sessions' cases in the same
/// file stay out of it.
/// </summary>
internal static class ReportView
{
    public static async Task ShowAsync(IAnsiConsole console, IComplaintReports reports, ReportPeriod period)
    {
        var summary = await reports.GetSummaryAsync(period);
        var fca = await reports.GetFcaReturnAsync(period);
        console.WriteLine();
        console.Write(new Rule($"[bold]Report: {period.From:dd MMM HH:mm} to {period.To:dd MMM HH:mm} UTC[/]").LeftJustified());

        var figures = new Table().AddColumns("Figure", "Value");
        figures.AddRow("Received / acknowledged / resolved", $"{summary.Received} / {summary.Acknowledged} / {summary.Resolved}");
        figures.AddRow("Closed / withdrawn / reopened", $"{summary.Closed} / {summary.Withdrawn} / {summary.Reopened}");
        figures.AddRow("Open at the start / at the end", $"{summary.OpenAtStart} / {summary.OpenAtEnd}");
        figures.AddRow("Time to acknowledge (median, business)", Duration(summary.TimeToAcknowledge.MedianBusiness));
        figures.AddRow("Time to resolve (median / 90th percentile, business)", $"{Duration(summary.TimeToResolve.MedianBusiness)} / {Duration(summary.TimeToResolve.Percentile90Business)}");
        figures.AddRow("First-contact resolution", Rate(summary.FirstContactResolution));
        figures.AddRow("Reopen rate", Rate(summary.ReopenRate));
        figures.AddRow("Upheld (of decisions)", Rate(summary.Upheld));
        figures.AddRow("CSAT mean / satisfied", $"{summary.Csat.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} / {Percent(summary.Csat.SatisfiedShare)}");
        figures.AddRow("Repeat complainants", $"{summary.RepeatComplainants.Repeat} of {summary.RepeatComplainants.Customers}");
        foreach (var redress in summary.Redress)
        {
            figures.AddRow($"Paid: {redress.Kind}", redress.Paid.ToString());
        }

        console.Write(figures);

        var csat = new BarChart().Label("[bold]CSAT: follow-ups by score[/]").Width(60);
        for (var score = 1; score <= 5; score++)
        {
            csat.AddItem(score.ToString(CultureInfo.InvariantCulture), summary.Csat.Distribution[score - 1], score >= 4 ? Color.Green : score == 3 ? Color.Yellow : Color.Red);
        }

        console.Write(csat);

        if (!summary.ServiceLevels.IsEmpty)
        {
            var levels = new BarChart().Label("[bold]Service level: % of stopped clocks met[/]").Width(60).WithMaxValue(100);
            foreach (var level in summary.ServiceLevels.Where(l => l.Achievement is not null))
            {
                levels.AddItem(level.Clock, Math.Round(level.Achievement!.Value * 100, 1), level.Achievement >= 0.9 ? Color.Green : Color.Orange1);
            }

            console.Write(levels);
        }

        // Causes over time: per week of receipt, one stacked bar of the root causes (none yet: "undecided").
        var palette = new[] { Color.Aqua, Color.Fuchsia, Color.Orange1, Color.Lime, Color.Yellow, Color.Blue };
        var causes = summary.RootCauseTrend.Select(p => p.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var week in summary.RootCauseTrend.GroupBy(p => p.Bucket).OrderBy(g => g.Key))
        {
            console.MarkupLine($"[bold]Causes, week of {week.Key:dd MMM}[/]");
            var chart = new BreakdownChart().Width(60);
            foreach (var point in week)
            {
                chart.AddItem(point.Key.Length == 0 ? "undecided" : point.Key, point.Count, palette[causes.IndexOf(point.Key) % palette.Length]);
            }

            console.Write(chart);
        }

        var groups = new Table().Title("FCA return").AddColumns("Product group", "Cause group", "Opened", "Closed ≤3d", "≤8w", ">8w", "Upheld", "Redress", "Goodwill");
        foreach (var row in fca.Rows.Append(fca.Total))
        {
            groups.AddRow(Markup.Escape(row.ProductGroup), Markup.Escape(row.CauseGroup), N(row.Opened), N(row.ClosedWithinThreeBusinessDays), N(row.ClosedWithinEightWeeks),
                N(row.ClosedAfterEightWeeks), N(row.Upheld), row.RedressPaid.ToString("0.00", CultureInfo.InvariantCulture), row.GoodwillPaid.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(groups);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(RateFigure figure) => $"{Percent(figure.Rate)} ({figure.Count} of {figure.Of})";

    private static string Percent(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "-";

    private static string Duration(TimeSpan? span) => span is { } s ? s.TotalHours >= 1 ? $"{s.TotalHours:0.0} h" : $"{s.TotalMinutes:0} min" : "-";
}
