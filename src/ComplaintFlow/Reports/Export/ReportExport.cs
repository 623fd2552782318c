using System.Globalization;
using System.Text.Json;

namespace ComplaintFlow.Reports.Export;

/// <summary>
/// Writes reports and returns as CSV (RFC 4180: CRLF line ends, a header row, fields quoted only when they must be) or
/// as JSON (camel-case names, enums by name, durations as <c>d.hh:mm:ss</c>). docs/reports.md lists every column.
/// Numbers and dates use the invariant culture; dates are the calendar's local dates, as in the reports.
/// </summary>
public static class ReportExport
{
    /// <summary>Writes a summary as CSV, one figure a row: <c>figure,key,value</c>; durations in seconds.</summary>
    public static async Task WriteSummaryCsvAsync(ComplaintSummary summary, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var csv = new CsvWriter(writer);
        csv.Fields("figure", "key", "value").EndRow();
        void Row(string figure, string? key, string? value) => csv.Field(figure).Field(key).Field(value).EndRow();
        void Count(string figure, string? key, long value) => Row(figure, key, value.ToString(CultureInfo.InvariantCulture));
        void Ratio(string figure, string? key, double? value) => Row(figure, key, value?.ToString("R", CultureInfo.InvariantCulture));
        void Seconds(string figure, TimeSpan? value) => Row(figure, null, value?.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
        void Durations(string name, DurationSummary d)
        {
            Count(name + ".count", null, d.Count);
            Seconds(name + ".business.median", d.MedianBusiness);
            Seconds(name + ".business.p90", d.Percentile90Business);
            Seconds(name + ".business.mean", d.MeanBusiness);
            Seconds(name + ".calendar.median", d.MedianCalendar);
            Seconds(name + ".calendar.p90", d.Percentile90Calendar);
            Seconds(name + ".calendar.mean", d.MeanCalendar);
        }

        void Rate(string name, RateFigure r)
        {
            Count(name + ".count", null, r.Count);
            Count(name + ".of", null, r.Of);
            Ratio(name + ".rate", null, r.Rate);
        }

        Row("period.from", null, summary.Period.From.ToString("O", CultureInfo.InvariantCulture));
        Row("period.to", null, summary.Period.To.ToString("O", CultureInfo.InvariantCulture));
        Count("received", null, summary.Received);
        Count("acknowledged", null, summary.Acknowledged);
        Count("resolved", null, summary.Resolved);
        Count("closed", null, summary.Closed);
        Count("withdrawn", null, summary.Withdrawn);
        Count("reopened", null, summary.Reopened);
        Count("openAtStart", null, summary.OpenAtStart);
        Count("openAtEnd", null, summary.OpenAtEnd);
        Durations("timeToAcknowledge", summary.TimeToAcknowledge);
        Durations("timeToResolve", summary.TimeToResolve);
        foreach (var level in summary.ServiceLevels)
        {
            Count("serviceLevel.met", level.Clock, level.Met);
            Count("serviceLevel.missed", level.Clock, level.Missed);
            Count("serviceLevel.warned", level.Clock, level.Warned);
            Ratio("serviceLevel.achievement", level.Clock, level.Achievement);
        }

        Rate("firstContactResolution", summary.FirstContactResolution);
        Rate("reopenRate", summary.ReopenRate);
        foreach (var escalation in summary.Escalations)
        {
            Count("escalations.count", escalation.Cause, escalation.Count);
            Ratio("escalations.rate", escalation.Cause, escalation.Rate);
        }

        Count("csat.responses", null, summary.Csat.Responses);
        Ratio("csat.mean", null, summary.Csat.Mean);
        for (var score = 1; score <= summary.Csat.Distribution.Length; score++)
        {
            Count("csat.score", score.ToString(CultureInfo.InvariantCulture), summary.Csat.Distribution[score - 1]);
        }

        Ratio("csat.satisfiedShare", null, summary.Csat.SatisfiedShare);
        Count("repeatComplainants.customers", null, summary.RepeatComplainants.Customers);
        Count("repeatComplainants.repeat", null, summary.RepeatComplainants.Repeat);
        Ratio("repeatComplainants.share", null, summary.RepeatComplainants.Share);
        foreach (var cause in summary.TopRootCauses)
        {
            Count("topRootCauses", cause.Key, cause.Count);
        }

        foreach (var category in summary.TopCategories)
        {
            Count("topCategories", category.Key, category.Count);
        }

        foreach (var point in summary.RootCauseTrend)
        {
            Count("rootCauseTrend." + point.Bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), point.Key, point.Count);
        }

        foreach (var point in summary.CategoryTrend)
        {
            Count("categoryTrend." + point.Bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), point.Key, point.Count);
        }

        Rate("upheld", summary.Upheld);
        foreach (var redress in summary.Redress)
        {
            Row("redress." + redress.Kind, redress.Paid.Currency, redress.Paid.Amount.ToString(CultureInfo.InvariantCulture));
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes an FCA return as CSV: a row per product group and cause group, then the total.</summary>
    public static async Task WriteFcaReturnCsvAsync(FcaReturn fcaReturn, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fcaReturn);
        ArgumentNullException.ThrowIfNull(writer);
        var csv = new CsvWriter(writer);
        csv.Fields("productGroup", "causeGroup", "outstandingAtStart", "opened", "closedWithinThreeBusinessDays", "closedWithinEightWeeks", "closedAfterEightWeeks", "closed", "upheld", "redressPaid", "goodwillPaid").EndRow();
        foreach (var row in fcaReturn.Rows.Append(fcaReturn.Total))
        {
            csv.Field(row.ProductGroup).Field(row.CauseGroup).Field(row.OutstandingAtStart).Field(row.Opened).Field(row.ClosedWithinThreeBusinessDays)
                .Field(row.ClosedWithinEightWeeks).Field(row.ClosedAfterEightWeeks).Field(row.Closed).Field(row.Upheld).Field(row.RedressPaid).Field(row.GoodwillPaid).EndRow();
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes ASIC IDR rows as CSV: the library's columns, then <paramref name="appColumns"/> (normally
    /// <see cref="IAsicIdrFields.Columns"/>) from each row's <see cref="AsicIdrRow.AppFields"/>, empty where a row has
    /// none. Several issues share one field, separated by <c>;</c>.
    /// </summary>
    public static async Task WriteAsicIdrCsvAsync(IReadOnlyList<AsicIdrRow> rows, TextWriter writer, IReadOnlyList<string>? appColumns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        appColumns ??= [];
        var csv = new CsvWriter(writer);
        csv.Fields("complaintUniqueId", "complaintStatus", "receivedChannel", "dateReceived", "dateClosed", "daysToClose", "productOrService", "issue", "rootCause", "outcome", "monetaryRemedyAmount", "monetaryRemedyCurrency");
        foreach (var column in appColumns)
        {
            csv.Field(column);
        }

        csv.EndRow();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.Field(row.ComplaintId.ToString()).Field(row.Status).Field(row.ReceivedChannel.ToString()).Field(row.DateReceived).Field(row.DateClosed).Field(row.DaysToClose)
                .Field(row.Product).Field(string.Join(';', row.Issues)).Field(row.RootCause).Field(row.Outcome).Field(row.MonetaryRemedy?.Amount).Field(row.MonetaryRemedy?.Currency);
            foreach (var column in appColumns)
            {
                csv.Field(row.AppFields.GetValueOrDefault(column));
            }

            csv.EndRow();
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a CFPB summary as CSV: a row per response type, then those awaiting a response.</summary>
    public static async Task WriteCfpbSummaryCsvAsync(CfpbSummary summary, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var csv = new CsvWriter(writer);
        csv.Fields("responseType", "count").EndRow();
        foreach (var type in Enum.GetValues<Outcomes.CfpbResponseType>())
        {
            csv.Field(type.ToString()).Field(summary.ByType.GetValueOrDefault(type)).EndRow();
        }

        csv.Field("AwaitingResponse").Field(summary.AwaitingResponse).EndRow();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a summary as JSON.</summary>
    public static Task WriteSummaryJsonAsync(ComplaintSummary summary, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(Checked(stream), summary ?? throw new ArgumentNullException(nameof(summary)), ReportJsonContext.Default.ComplaintSummary, cancellationToken);

    /// <summary>Writes an FCA return as JSON; the total is included.</summary>
    public static Task WriteFcaReturnJsonAsync(FcaReturn fcaReturn, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(Checked(stream), fcaReturn ?? throw new ArgumentNullException(nameof(fcaReturn)), ReportJsonContext.Default.FcaReturn, cancellationToken);

    /// <summary>Writes ASIC IDR rows as a JSON array.</summary>
    public static Task WriteAsicIdrJsonAsync(IReadOnlyList<AsicIdrRow> rows, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(Checked(stream), rows ?? throw new ArgumentNullException(nameof(rows)), ReportJsonContext.Default.IReadOnlyListAsicIdrRow, cancellationToken);

    /// <summary>Writes a CFPB summary as JSON.</summary>
    public static Task WriteCfpbSummaryJsonAsync(CfpbSummary summary, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(Checked(stream), summary ?? throw new ArgumentNullException(nameof(summary)), ReportJsonContext.Default.CfpbSummary, cancellationToken);

    private static Stream Checked(Stream stream) => stream ?? throw new ArgumentNullException(nameof(stream));
}
