using System.Collections.Immutable;
using System.Text;
using ComplaintFlow.Reports;
using ComplaintFlow.Reports.Export;

namespace ComplaintFlow.Tests.Reports;

/// <summary>
/// The CSV and JSON a regulator or a spreadsheet reads (PR-20, PR-21: the figures have to leave the library to be
/// acted on). Every expected text is written out by hand from RFC 4180: CRLF line ends, a field quoted only when it
/// holds a comma, a quote or a line break, quotes inside doubled, numbers in the invariant culture.
/// </summary>
public sealed class ReportExportTests
{
    private static readonly ReportPeriod March = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WriteFcaReturnCsvAsync_GroupsWithCommasQuotesAndLineBreaks_AreQuotedAndTheTotalComesLast()
    {
        var fca = new FcaReturn(March,
        [
            new FcaReturnRow("banking, credit cards", "charges", 1, 20, 12, 7, 0, 15, 400.5m, 25m),
            new FcaReturnRow("home \"finance\"", "service\nand delays", 0, 3, 0, 2, 1, 1, 0m, 0m),
        ]);

        var text = await CsvAsync(w => ReportExport.WriteFcaReturnCsvAsync(fca, w));

        // Total: outstanding 1+0, opened 20+3, within 3 days 12+0, within 8 weeks 7+2, after 0+1, closed 19+3, upheld 15+1,
        // redress 400.5+0, goodwill 25+0.
        text.Should().Be(
            "productGroup,causeGroup,outstandingAtStart,opened,closedWithinThreeBusinessDays,closedWithinEightWeeks,closedAfterEightWeeks,closed,upheld,redressPaid,goodwillPaid\r\n" +
            "\"banking, credit cards\",charges,1,20,12,7,0,19,15,400.5,25\r\n" +
            "\"home \"\"finance\"\"\",\"service\nand delays\",0,3,0,2,1,3,1,0,0\r\n" +
            "(all),(all),1,23,12,9,1,22,16,400.5,25\r\n");
    }

    [Fact]
    public async Task WriteFcaReturnCsvAsync_TextASpreadsheetWouldRunAsAFormula_IsWrittenAsText()
    {
        // Product and cause codes are free text when no taxonomy is configured. A cell starting =, +, - or @ runs as a
        // formula in a spreadsheet unless it starts with an apostrophe; a number, negative or not, stays a number.
        var fca = new FcaReturn(March,
        [
            new FcaReturnRow("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", 0, 1, 1, 0, 0, 0, 0m, 0m),
            new FcaReturnRow("+44 loans", "-12.5", 0, 1, 1, 0, 0, 0, 0m, 0m),
        ]);

        var text = await CsvAsync(w => ReportExport.WriteFcaReturnCsvAsync(fca, w));

        text.Split("\r\n")[1..3].Should().Equal(
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),0,1,1,0,0,1,0,0,0",
            "'+44 loans,-12.5,0,1,1,0,0,1,0,0,0");
    }

    [Fact]
    public async Task WriteAsicIdrCsvAsync_IssuesAndAppColumns_AreJoinedAndEmptyWhereMissing()
    {
        var id = ComplaintId.Parse("0193b8a0-0000-7000-8000-000000000001");
        var other = ComplaintId.Parse("0193b8a0-0000-7000-8000-000000000002");
        AsicIdrRow[] rows =
        [
            new()
            {
                ComplaintId = id, Status = "closed", ReceivedChannel = Channel.Email, DateReceived = new DateOnly(2026, 3, 2), DateClosed = new DateOnly(2026, 3, 20),
                DaysToClose = 18, Product = "credit-card", Issues = ["fees", "service"], RootCause = "charging-error", Outcome = "PartlyUpheld",
                MonetaryRemedy = new Money(12.30m, "AUD"), AppFields = ImmutableDictionary<string, string>.Empty.Add("ageBand", "35-44"),
            },
            new()
            {
                ComplaintId = other, Status = "open", ReceivedChannel = Channel.Phone, DateReceived = new DateOnly(2026, 3, 31), Issues = [],
            },
        ];

        var text = await CsvAsync(w => ReportExport.WriteAsicIdrCsvAsync(rows, w, ["ageBand", "postcode"]));

        text.Should().Be(
            "complaintUniqueId,complaintStatus,receivedChannel,dateReceived,dateClosed,daysToClose,productOrService,issue,rootCause,outcome,monetaryRemedyAmount,monetaryRemedyCurrency,ageBand,postcode\r\n" +
            "0193b8a0-0000-7000-8000-000000000001,closed,Email,2026-03-02,2026-03-20,18,credit-card,fees;service,charging-error,PartlyUpheld,12.30,AUD,35-44,\r\n" +
            "0193b8a0-0000-7000-8000-000000000002,open,Phone,2026-03-31,,,,,,,,,,\r\n");
    }

    [Fact]
    public async Task WriteCfpbSummaryJsonAsync_WritesCamelCaseNamesAndResponseTypesAsText()
    {
        var cfpb = new CfpbSummary(March, March.To, ImmutableDictionary<ComplaintFlow.Outcomes.CfpbResponseType, long>.Empty.Add(ComplaintFlow.Outcomes.CfpbResponseType.ClosedWithExplanation, 3), 1);
        using var stream = new MemoryStream();

        await ReportExport.WriteCfpbSummaryJsonAsync(cfpb, stream);

        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        json.RootElement.GetProperty("byType").GetProperty("ClosedWithExplanation").GetInt64().Should().Be(3);
        json.RootElement.GetProperty("awaitingResponse").GetInt64().Should().Be(1);
        json.RootElement.GetProperty("period").GetProperty("from").GetString().Should().StartWith("2026-03-01T00:00:00");
    }

    [Fact]
    public async Task WriteFcaReturnCsvAsync_NullArguments_AreRefusedByName()
    {
        var act = () => ReportExport.WriteFcaReturnCsvAsync(null!, TextWriter.Null);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("fcaReturn");
    }

    private static async Task<string> CsvAsync(Func<TextWriter, Task> write)
    {
        var text = new StringBuilder();
        await using var writer = new StringWriter(text);
        await write(writer);
        return text.ToString();
    }
}
