using System.Globalization;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Reports;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Reports;

/// <summary>
/// A month of 30 scripted complaints whose report and FCA return were worked out by hand, in the comments below, not
/// by the code under test (PR-20, PR-21). Calendar: UTC, Monday to Friday 09:00-17:00. One clock: acknowledge by the
/// close of the next business day. The period is March 2026 (2 March is a Monday).
/// </summary>
/// <remarks>
/// The cases, in time order:
/// <code>
/// F1  c-f1  cards      received Mon 23 Feb 10:00, ack 11:00; in March (Tue 10) agreed, fulfilled 16:00, follow-up 16:30 csat 4 -> closed
/// F2  c-f2  cards      received Tue 24 Feb 10:00, withdrawn Wed 25 Feb 10:00
/// F3  c-f3  mortgages  received Wed 25 Feb 10:00, ack 10:30; still open on 1 April
/// H1..H20              one a business day, 2 to 27 March: received 09:00, ack 09:30, agreed 10:30, outcome recorded,
///                      fulfilled with a GBP 20 refund 11:00, follow-up 12:00 (satisfied); H19 is customer c-f1, H20 c-f3
///                      categories: H1-H12 cards, H13-H20 mortgages; products card / mortgage accordingly
///                      causes: H1-H10 fees, H11-H20 service; decisions: H1-H14 upheld, H15-H20 partly upheld
///                      csat: H1-H10 5, H11-H16 4, H17-H20 3
/// S1  c-s1  cards      received Tue 3 Mar 13:00, ack 13:30, withdrawn Wed 4 Mar 13:00
/// S2  c-s2  cards      received Mon 9 Mar 13:00, ack 13:30, two proposals rejected (escalated: repeated-rejections),
///                      final response not upheld (card, fees) Mon 16 Mar 10:00, follow-up waived 11:00 -> closed
/// S3  c-s3  mortgages  received Tue 10 Mar 13:00, ack 13:30, agreed 14:00, fulfilled 14:30, follow-up 15:00 not satisfied
///                      (csat 2) -> reopened, open on 1 April
/// S4  c-s4  cards      received Wed 11 Mar 13:00, ack 13:30, asks for a manager 14:00 (escalated: manager-requested);
///                      the manager agrees 14:30, fulfils 15:00, follow-up 16:00 csat 3 -> closed
/// S5  c-s5  mortgages  received Thu 12 Mar 16:00, ack Mon 16 Mar 10:00 (late: due Fri 13 Mar 17:00); open on 1 April
/// S6  c-s6  cards      received Mon 30 Mar 10:00, ack 10:30; open on 1 April
/// S7  c-s7             received Wed 1 Apr 10:00: after the period
/// </code>
/// </remarks>
public sealed class HandCalculatedReportTests
{
    private static readonly DateTimeOffset Start = Z("2026-02-23T09:00:00Z");
    private static readonly ReportPeriod March = new(Z("2026-03-01T00:00:00Z"), Z("2026-04-01T00:00:00Z"));
    private static readonly Actor Agent = Actors.Agent;

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Summary_OfMarch_IsTheHandCalculatedOne()
    {
        using var t = await ScriptedMonthAsync();
        var reports = t.Services.GetRequiredService<IComplaintReports>();

        var s = await reports.GetSummaryAsync(March);

        // Received: H1-H20 and S1-S6 = 26. Acknowledged: the same 26 (F1 and F3 were acknowledged in February).
        (s.Received, s.Acknowledged).Should().Be((26, 26));

        // Resolved: H1-H20, S3 (fulfilled), S4, F1, and S2 (a final response offering nothing) = 24.
        // Closed: H1-H20, S2, S4, F1 = 23. Withdrawn: S1. Reopened: S3.
        (s.Resolved, s.Closed, s.Withdrawn, s.Reopened).Should().Be((24, 23, 1, 1));

        // Open at 1 March 00:00: F1 and F3 (F2 was withdrawn). Open at 1 April 00:00: F3, S3, S5, S6.
        s.OpenAtStart.Should().Be(2);
        s.OpenAtEnd.Should().Be(4);

        // Acknowledging: 25 took 30 minutes; S5 took 10 business hours (Thu 16-17, Fri 9-17, Mon 9-10), 90 calendar hours.
        // n = 26: median = 13th value = 30 min; 90th percentile = 24th = 30 min.
        // Mean business = (25 x 1,800 s + 36,000 s) / 26 = 81,000 / 26 s; mean calendar = (45,000 + 324,000) / 26 s.
        s.TimeToAcknowledge.Should().Be(new DurationSummary(26, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(81_000d / 26), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(369_000d / 26)));

        // Resolving: H1-H20 and S4 took 2 h (7,200 s); S3 1.5 h (5,400 s); S2 37 business hours (Mon 9 Mar 13-17, Tue-Fri,
        // Mon 16 Mar 9-10) = 133,200 s, 165 calendar hours = 594,000 s; F1 94 business hours (Mon 23 Feb 10-17 = 7, the rest of
        // that week 32, the week of 2 March 40, Mon 9 Mar 8, Tue 10 Mar 9-16 = 7) = 338,400 s, and 15 days 6 hours = 1,317,600 s.
        // n = 24: median = 12th = 7,200 s; 90th percentile = 22nd = 7,200 s.
        // Sum business = 5,400 + 21 x 7,200 + 133,200 + 338,400 = 628,200 s; calendar = 5,400 + 151,200 + 594,000 + 1,317,600 = 2,068,200 s.
        s.TimeToResolve.Should().Be(new DurationSummary(24, TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromSeconds(628_200d / 24), TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromSeconds(2_068_200d / 24)));

        // The acknowledge clock stopped in March on 26 cases: in time on all but S5.
        s.ServiceLevels.Should().Equal(new ServiceLevel("acknowledge", 25, 1, 0));
        s.ServiceLevels[0].Achievement.Should().BeApproximately(25d / 26, 1e-12);

        // First contact: of the 23 closes, all but S2 (escalated, two proposals) and S4 (escalated) = 21. Reopens: 1 of 23.
        s.FirstContactResolution.Should().Be(new RateFigure(21, 23));
        s.ReopenRate.Should().Be(new RateFigure(1, 23));

        // One escalation for each cause, against the 26 received.
        s.Escalations.Should().Equal(new EscalationFigure("manager-requested", 1, 26), new EscalationFigure("repeated-rejections", 1, 26));

        // Follow-ups: H (10 x 5, 6 x 4, 4 x 3), S3 (2, not satisfied), S4 (3), F1 (4) = 23; S2's was waived.
        // Scores 1-5: 0, 1, 5, 7, 10; mean = (2 + 15 + 28 + 50) / 23 = 95 / 23; satisfied 22 of 23.
        s.Csat.Responses.Should().Be(23);
        s.Csat.Distribution.Should().Equal(0, 1, 5, 7, 10);
        s.Csat.Mean.Should().BeApproximately(95d / 23, 1e-12);
        s.Csat.SatisfiedShare.Should().BeApproximately(22d / 23, 1e-12);

        // 26 customers complained in March; c-f1 (F1, H19) and c-f3 (F3, H20) had two within 90 days.
        s.RepeatComplainants.Should().Be(new RepeatComplainants(26, 2, TimeSpan.FromDays(90)));

        // Of March's complaints: fees H1-H10 and S2 = 11, service H11-H20 = 10; cards 16 (H1-H12, S1, S2, S4, S6), mortgages 10.
        s.TopRootCauses.Should().Equal(new RankedCount("fees", 11), new RankedCount("service", 10));
        s.TopCategories.Should().Equal(new RankedCount("cards", 16), new RankedCount("mortgages", 10));

        // Weekly: fees in the weeks of 2 March (H1-H5) and 9 March (H6-H10, S2); service in the weeks of 16 and 23 March.
        s.RootCauseTrend.Should().Equal(
            new TrendPoint(new DateOnly(2026, 3, 2), "fees", 5),
            new TrendPoint(new DateOnly(2026, 3, 9), "fees", 6),
            new TrendPoint(new DateOnly(2026, 3, 16), "service", 5),
            new TrendPoint(new DateOnly(2026, 3, 23), "service", 5));

        // Upheld: 22 of the 23 closes with a decision (all but S2). Redress: 20 refunds of GBP 20.
        s.Upheld.Should().Be(new RateFigure(22, 23));
        s.Redress.Should().Equal(new RedressFigure(RedressKind.RefundOfLoss, new Money(400m, "GBP")));
    }

    [Fact]
    public async Task FcaReturn_OfMarch_IsTheHandCalculatedOne()
    {
        using var t = await ScriptedMonthAsync();
        var reports = t.Services.GetRequiredService<IComplaintReports>();

        var r = await reports.GetFcaReturnAsync(March);

        // Groups come from each case's outcome now: F1 and S4 took the card product from their category at acceptance,
        // with no cause; S3's outcome was cleared when it reopened; F2, F3, S1, S5, S6 have none.
        r.Rows.Should().Equal(
            // F3 outstanding; S1, S3, S5, S6 opened; none closed.
            new FcaReturnRow("(none)", "(none)", 1, 4, 0, 0, 0, 0, 0m, 0m),
            // F1 outstanding, closed 10 March (after three business days, within eight weeks); S4 opened and closed the same day.
            new FcaReturnRow("Banking and credit cards", "(none)", 1, 1, 1, 1, 0, 2, 0m, 0m),
            // H11-H12.
            new FcaReturnRow("Banking and credit cards", "General admin/customer service", 0, 2, 2, 0, 0, 2, 40m, 0m),
            // H1-H10 and S2 (closed 16 March, after the third business day, 12 March 17:00; not upheld).
            new FcaReturnRow("Banking and credit cards", "Terms and disputed sums/charges", 0, 11, 10, 1, 0, 10, 200m, 0m),
            // H13-H20.
            new FcaReturnRow("Home finance", "General admin/customer service", 0, 8, 8, 0, 0, 8, 160m, 0m));
        r.Total.Should().Be(new FcaReturnRow("(all)", "(all)", 2, 26, 21, 2, 0, 22, 400m, 0m));
    }

    [Fact]
    public async Task AsicIdrRows_OfMarch_AreTheCasesReceivedInItOrOpenAtItsStart()
    {
        using var t = await ScriptedMonthAsync();
        var reports = t.Services.GetRequiredService<IComplaintReports>();

        var rows = await reports.GetAsicIdrRowsAsync(March);

        // 26 received in March, and F1 and F3 open at its start.
        rows.Should().HaveCount(28);
        var f1 = rows[0];
        (f1.DateReceived, f1.DateClosed, f1.DaysToClose, f1.Status, f1.Outcome).Should().Be((new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 10), 15, "closed", "Upheld"));
        rows[1].Should().Match<AsicIdrRow>(r => r.DateReceived == new DateOnly(2026, 2, 25) && r.Status == "open" && r.DateClosed == null);
        rows.Single(r => r.MonetaryRemedy is not null && r.Product == "mortgage" && r.DateReceived == new DateOnly(2026, 3, 27)).MonetaryRemedy.Should().Be(new Money(20m, "GBP"));
    }

    /// <summary>Runs the month's script on an in-memory desk.</summary>
    internal static async Task<TestDesk> ScriptedMonthAsync(Action<ComplaintFlowBuilder>? store = null)
    {
        var t = new TestDesk(store, Configure, new FakeTimeProvider(Start));
        var script = new List<(DateTimeOffset At, Func<Task> Step)>();
        var ids = new Dictionary<string, ComplaintId>();
        var desk = t.Desk;
        void At(string iso, Func<Task> step) => script.Add((Z(iso), step));
        Func<Task> Open(string name, string customer, string category) => async () => ids[name] = (await desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Complaint " + name, Channel = Channel.Phone, Actor = Agent, Categories = [category] })).Id;
        Func<Task> Run(string name, Func<ComplaintId, ComplaintCommand> command) => async () => await desk.ExecuteAsync(command(ids[name]));
        Func<Task> Agree(string name, Actor actor, decimal amount) => async () =>
        {
            var id = ids[name];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = actor, Text = "What happened." });
            await desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = actor, Text = "So this happened." });
            await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = actor });
            await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = actor, Kind = RemedyKind.Refund, Details = "Money back" });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = actor, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(amount, "GBP"))], Explanation = "A refund" });
            await desk.ExecuteAsync(new AcceptProposal { CaseId = id, Actor = actor, ProposalNumber = 1 });
        };

        // February.
        At("2026-02-23T10:00:00Z", Open("F1", "c-f1", "cards"));
        At("2026-02-23T11:00:00Z", Run("F1", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-02-24T10:00:00Z", Open("F2", "c-f2", "cards"));
        At("2026-02-25T10:00:00Z", Run("F2", id => new WithdrawComplaint { CaseId = id, Actor = Agent }));
        At("2026-02-25T10:00:00Z", Open("F3", "c-f3", "mortgages"));
        At("2026-02-25T10:30:00Z", Run("F3", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));

        // H1..H20, one a business day from 2 March.
        var day = new DateOnly(2026, 3, 2);
        for (var i = 1; i <= 20; i++, day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1))
        {
            var name = $"H{i}";
            var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (cards, upheld, fees, csat) = (i <= 12, i <= 14, i <= 10, i <= 10 ? 5 : i <= 16 ? 4 : 3);
            At($"{d}T09:00:00Z", Open(name, i == 19 ? "c-f1" : i == 20 ? "c-f3" : $"c-h{i}", cards ? "cards" : "mortgages"));
            At($"{d}T09:30:00Z", Run(name, id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
            At($"{d}T10:30:00Z", Agree(name, Agent, 20m));
            At($"{d}T10:30:00Z", Run(name, id => new RecordOutcome { CaseId = id, Actor = Agent, Decision = upheld ? ComplaintOutcome.Upheld : ComplaintOutcome.PartlyUpheld, Reasons = "We got it wrong.", Product = cards ? "card" : "mortgage", RootCause = fees ? "fees" : "service" }));
            At($"{d}T11:00:00Z", Run(name, id => new RecordRedress { CaseId = id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(20m, "GBP"), Description = "Refund" }));
            At($"{d}T11:00:00Z", Run(name, id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Refunded" }));
            At($"{d}T12:00:00Z", Run(name, id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = csat }));
        }

        // The special cases.
        At("2026-03-03T13:00:00Z", Open("S1", "c-s1", "cards"));
        At("2026-03-03T13:30:00Z", Run("S1", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-04T13:00:00Z", Run("S1", id => new WithdrawComplaint { CaseId = id, Actor = Agent }));

        At("2026-03-09T13:00:00Z", Open("S2", "c-s2", "cards"));
        At("2026-03-09T13:30:00Z", Run("S2", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-09T14:00:00Z", async () =>
        {
            var id = ids["S2"];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "The fee." });
            await desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = Agent, Text = "The fee is unfair." });
            await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = Agent });
            await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The fee back" });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "Goodwill", new Money(30m, "GBP"))], Explanation = "A gesture" });
            await desk.ExecuteAsync(new RejectProposal { CaseId = id, Actor = Agent, ProposalNumber = 1 });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "Goodwill", new Money(40m, "GBP"))], Explanation = "A larger gesture" });
            await desk.ExecuteAsync(new RejectProposal { CaseId = id, Actor = Agent, ProposalNumber = 2 });
        });
        At("2026-03-16T10:00:00Z", Run("S2", id => new IssueFinalResponse { CaseId = id, Actor = Actors.Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the terms.", Product = "card", RootCause = "fees", Channel = Channel.Letter }));
        At("2026-03-16T11:00:00Z", Run("S2", id => new WaiveFollowUp { CaseId = id, Actor = Actors.Supervisor, Reason = "The customer wants no further contact." }));

        At("2026-03-10T13:00:00Z", Open("S3", "c-s3", "mortgages"));
        At("2026-03-10T13:30:00Z", Run("S3", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-10T14:00:00Z", Agree("S3", Agent, 20m));
        At("2026-03-10T14:30:00Z", Run("S3", id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Done" }));
        At("2026-03-10T15:00:00Z", Run("S3", id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = false, Csat = 2 }));

        At("2026-03-10T15:30:00Z", Agree("F1", Agent, 20m));
        At("2026-03-10T16:00:00Z", Run("F1", id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Done" }));
        At("2026-03-10T16:30:00Z", Run("F1", id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = 4 }));

        At("2026-03-11T13:00:00Z", Open("S4", "c-s4", "cards"));
        At("2026-03-11T13:30:00Z", Run("S4", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-11T14:00:00Z", async () =>
        {
            var id = ids["S4"];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "I want a manager." });
            await desk.ExecuteAsync(new RecordManagerRequest { CaseId = id, Actor = Agent, CustomerWords = "A manager, please." });
        });
        At("2026-03-11T14:30:00Z", Agree("S4", Actors.Manager, 20m));
        At("2026-03-11T15:00:00Z", Run("S4", id => new RecordFulfilment { CaseId = id, Actor = Actors.Manager, Description = "Done" }));
        At("2026-03-11T16:00:00Z", Run("S4", id => new RecordFollowUp { CaseId = id, Actor = Actors.Manager, Satisfied = true, Csat = 3 }));

        At("2026-03-12T16:00:00Z", Open("S5", "c-s5", "mortgages"));
        At("2026-03-16T10:00:00Z", Run("S5", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));

        At("2026-03-30T10:00:00Z", Open("S6", "c-s6", "cards"));
        At("2026-03-30T10:30:00Z", Run("S6", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-04-01T10:00:00Z", Open("S7", "c-s7", "cards"));

        foreach (var (at, step) in script.OrderBy(s => s.At))
        {
            t.Time.SetUtcNow(at);
            await step();
        }

        return t;
    }

    private static void Configure(ComplaintFlowOptions o)
    {
        o.Clocks = new ClockSettings(BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build(), [ClockPresets.Default().Clocks.Single(c => c.Name == ClockNames.Acknowledge)]);
        o.Outcomes.Products.Add(new OutcomeCode("card", "Credit card", "Banking and credit cards"));
        o.Outcomes.Products.Add(new OutcomeCode("mortgage", "Mortgage", "Home finance"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("fees", "Fees and charges", "Terms and disputed sums/charges"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("service", "Service", "General admin/customer service"));
        o.Outcomes.ProductByCategory["cards"] = "card";
        o.Outcomes.ProductByCategory["mortgages"] = "mortgage";
    }
}
