using ComplaintFlow.Process;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Reports;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// The month of <see cref="MarchScript"/> on each store, against figures worked out by hand in the comments below, not
/// by the code under test (PR-20, PR-21). The SQL stores answer these from their report tables.
/// </summary>
public abstract partial class ReportContract
{
    [Fact]
    public async Task Summary_OfACaseWithdrawnExactlyAtTheMidnightBetweenTwoMonths_CountsItOpenUntilThen()
    {
        // B1 is received Tue 10 Feb 10:00 and withdrawn at 1 March 00:00:00 exactly, the instant February ends and March
        // begins. February: received 1, withdrawn 0 (the withdrawal is at March's first instant), open at its start 0,
        // open at its end 1 (not withdrawn before that instant): 0 + 1 - 0 = 1. March: open at its start 1, received 0,
        // withdrawn 1, open at its end 0: 1 + 0 - 1 = 0. Each month's opening and closing stock add up.
        await using var t = new ReportDesk(NewStore().Use, _ => { }, Z("2026-02-10T09:00:00Z"));
        ComplaintId id = default;
        await t.RunAsync(
        [
            (Z("2026-02-10T10:00:00Z"), async () => id = (await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-b1", Summary = "Boundary", Channel = Channel.Phone, Actor = new Actor("a-001", "Sam Agent", "agent") })).Id),
            (Z("2026-03-01T00:00:00Z"), async () => await t.Desk.ExecuteAsync(new WithdrawComplaint { CaseId = id, Actor = new Actor("a-001", "Sam Agent", "agent") })),
        ]);

        var february = await t.Reports.GetSummaryAsync(new ReportPeriod(Z("2026-02-01T00:00:00Z"), Z("2026-03-01T00:00:00Z")));
        var march = await t.Reports.GetSummaryAsync(MarchScript.March);

        (february.OpenAtStart, february.Received, february.Withdrawn, february.OpenAtEnd).Should().Be((0, 1, 0, 1));
        (march.OpenAtStart, march.Received, march.Withdrawn, march.OpenAtEnd).Should().Be((1, 0, 1, 0));
    }

    [Fact]
    public async Task Summary_OfACaseClosedThenReopenedInTheMonth_CountsNoFirstContactResolution()
    {
        // R1 is received Mon 2 March 09:00, agreed and fulfilled, closed satisfied at 12:00 after one proposal and no
        // escalation, which would be a first-contact resolution; on Fri 20 March it is reopened. March: closed 1,
        // reopened 1, first-contact resolutions 0 of 1 closures; the reopen rate 1 of 1.
        var agent = new Actor("a-001", "Sam Agent", "agent");
        await using var t = new ReportDesk(NewStore().Use, _ => { }, Z("2026-03-02T08:00:00Z"));
        ComplaintId id = default;
        Func<Task> Run(Func<ComplaintId, ComplaintCommand> command) => async () => await t.Desk.ExecuteAsync(command(id));
        await t.RunAsync(
        [
            (Z("2026-03-02T09:00:00Z"), async () => id = (await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-r1", Summary = "Reopened", Channel = Channel.Phone, Actor = agent })).Id),
            (Z("2026-03-02T09:10:00Z"), Run(c => new AcknowledgeComplaint { CaseId = c, Actor = agent, Owner = agent })),
            (Z("2026-03-02T09:20:00Z"), Run(c => new RecordStatement { CaseId = c, Actor = agent, Text = "What happened." })),
            (Z("2026-03-02T09:30:00Z"), Run(c => new SubmitParaphrase { CaseId = c, Actor = agent, Text = "So this happened." })),
            (Z("2026-03-02T09:40:00Z"), Run(c => new ConfirmParaphrase { CaseId = c, Actor = agent })),
            (Z("2026-03-02T09:50:00Z"), Run(c => new CaptureDesiredOutcome { CaseId = c, Actor = agent, Kind = RemedyKind.Refund, Details = "Money back" })),
            (Z("2026-03-02T10:00:00Z"), Run(c => new ProposeResolution { CaseId = c, Actor = agent, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(20m, "GBP"))], Explanation = "A refund" })),
            (Z("2026-03-02T10:10:00Z"), Run(c => new AcceptProposal { CaseId = c, Actor = agent, ProposalNumber = 1 })),
            (Z("2026-03-02T11:00:00Z"), Run(c => new RecordFulfilment { CaseId = c, Actor = agent, Description = "Refunded" })),
            (Z("2026-03-02T12:00:00Z"), Run(c => new RecordFollowUp { CaseId = c, Actor = agent, Satisfied = true, Csat = 5 })),
            (Z("2026-03-20T10:00:00Z"), Run(c => new ReopenComplaint { CaseId = c, Actor = agent, Reason = "The refund never arrived." })),
        ]);

        var march = await t.Reports.GetSummaryAsync(MarchScript.March);

        (march.Closed, march.Reopened).Should().Be((1, 1));
        march.FirstContactResolution.Should().Be(new RateFigure(0, 1), "the closure was reopened, so it was not resolved at first contact");
        march.ReopenRate.Should().Be(new RateFigure(1, 1));
    }

    [Fact]
    public async Task Summary_OfACaseSentBackToFulfilAndFulfilledAgain_CountsOneResolutionAtTheSecondFulfilment()
    {
        // F1 is received Mon 2 March 09:00 and fulfilled at 11:00; at 12:00 the fulfilment check finds the refund never
        // went out and sends the case back to fulfil, which takes that fulfilment out of the round. It is fulfilled again
        // Tue 3 March 10:00. March: resolved 1 (not 2), resolved at the second fulfilment: 8 business hours on Monday
        // (09:00-17:00) + 1 on Tuesday (09:00-10:00) = 9 business hours; 25 calendar hours.
        var agent = new Actor("a-001", "Sam Agent", "agent");
        await using var t = new ReportDesk(b => { NewStore().Use(b); b.ConfigureProcess(p => p.InsertBefore(StepIds.FollowUp, new FulfilmentCheckStep())); }, _ => { }, Z("2026-03-02T08:00:00Z"));
        ComplaintId id = default;
        Func<Task> Run(Func<ComplaintId, ComplaintCommand> command) => async () => await t.Desk.ExecuteAsync(command(id));
        await t.RunAsync(
        [
            (Z("2026-03-02T09:00:00Z"), async () => id = (await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-f1", Summary = "Refund missing", Channel = Channel.Phone, Actor = agent })).Id),
            (Z("2026-03-02T09:10:00Z"), Run(c => new AcknowledgeComplaint { CaseId = c, Actor = agent, Owner = agent })),
            (Z("2026-03-02T09:20:00Z"), Run(c => new RecordStatement { CaseId = c, Actor = agent, Text = "What happened." })),
            (Z("2026-03-02T09:30:00Z"), Run(c => new SubmitParaphrase { CaseId = c, Actor = agent, Text = "So this happened." })),
            (Z("2026-03-02T09:40:00Z"), Run(c => new ConfirmParaphrase { CaseId = c, Actor = agent })),
            (Z("2026-03-02T09:50:00Z"), Run(c => new CaptureDesiredOutcome { CaseId = c, Actor = agent, Kind = RemedyKind.Refund, Details = "Money back" })),
            (Z("2026-03-02T10:00:00Z"), Run(c => new ProposeResolution { CaseId = c, Actor = agent, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(20m, "GBP"))], Explanation = "A refund" })),
            (Z("2026-03-02T10:10:00Z"), Run(c => new AcceptProposal { CaseId = c, Actor = agent, ProposalNumber = 1 })),
            (Z("2026-03-02T11:00:00Z"), Run(c => new RecordFulfilment { CaseId = c, Actor = agent, Description = "Refunded" })),
            (Z("2026-03-02T12:00:00Z"), Run(c => new CompleteStep { CaseId = c, Actor = agent, StepId = FulfilmentCheckStep.Id, SendBack = FulfilmentCheckStep.Redo, Reason = "No refund in the ledger." })),
            (Z("2026-03-03T10:00:00Z"), Run(c => new RecordFulfilment { CaseId = c, Actor = agent, Description = "Refunded, reference R-2" })),
            (Z("2026-03-03T10:30:00Z"), Run(c => new CompleteStep { CaseId = c, Actor = agent, StepId = FulfilmentCheckStep.Id, Input = new FulfilmentCheck("R-2 is in the ledger.") })),
            (Z("2026-03-03T11:00:00Z"), Run(c => new RecordFollowUp { CaseId = c, Actor = agent, Satisfied = true, Csat = 5 })),
        ]);

        var march = await t.Reports.GetSummaryAsync(MarchScript.March);

        (march.Resolved, march.Closed).Should().Be((1, 1));
        march.TimeToResolve.Should().BeEquivalentTo(new { Count = 1, MedianBusiness = TimeSpan.FromHours(9), MedianCalendar = TimeSpan.FromHours(25) });

        // Rebuilt from the history, the rows say the same as the ones written with each save.
        await t.Reports.RebuildAsync();
        (await t.Reports.GetSummaryAsync(MarchScript.March)).Should().BeEquivalentTo(march);
    }

    [Fact]
    public async Task FcaReturn_OfAMonthWhoseClosureWasReopenedLater_KeepsTheGroupsItWasDecidedUnder()
    {
        // R2 is received Mon 2 March 09:00, decided upheld as card / fees, agreed and fulfilled, and closed satisfied at
        // 12:00; it is reopened on Wed 1 April, within the reopen window, which clears its outcome for the new round. March's return, read after
        // that, still has it where it was decided: Banking and credit cards / Terms and disputed sums/charges, opened 1,
        // closed 1 within three business days (and so within eight weeks), upheld 1; no redress was recorded.
        var agent = new Actor("a-001", "Sam Agent", "agent");
        await using var t = new ReportDesk(NewStore().Use, MarchScript.Configure, Z("2026-03-02T08:00:00Z"));
        ComplaintId id = default;
        Func<Task> Run(Func<ComplaintId, ComplaintCommand> command) => async () => await t.Desk.ExecuteAsync(command(id));
        await t.RunAsync(
        [
            (Z("2026-03-02T09:00:00Z"), async () => id = (await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "c-r2", Summary = "Fee", Channel = Channel.Phone, Actor = agent, Categories = ["cards"] })).Id),
            (Z("2026-03-02T09:10:00Z"), Run(c => new AcknowledgeComplaint { CaseId = c, Actor = agent, Owner = agent })),
            (Z("2026-03-02T09:20:00Z"), Run(c => new RecordStatement { CaseId = c, Actor = agent, Text = "A fee I did not agree to." })),
            (Z("2026-03-02T09:30:00Z"), Run(c => new SubmitParaphrase { CaseId = c, Actor = agent, Text = "You were charged a fee you did not agree to." })),
            (Z("2026-03-02T09:40:00Z"), Run(c => new ConfirmParaphrase { CaseId = c, Actor = agent })),
            (Z("2026-03-02T09:45:00Z"), Run(c => new RecordOutcome { CaseId = c, Actor = agent, Decision = ComplaintOutcome.Upheld, Reasons = "The fee was not in the contract.", Product = "card", RootCause = "fees" })),
            (Z("2026-03-02T09:50:00Z"), Run(c => new CaptureDesiredOutcome { CaseId = c, Actor = agent, Kind = RemedyKind.Refund, Details = "The fee back" })),
            (Z("2026-03-02T10:00:00Z"), Run(c => new ProposeResolution { CaseId = c, Actor = agent, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(20m, "GBP"))], Explanation = "The fee refunded" })),
            (Z("2026-03-02T10:10:00Z"), Run(c => new AcceptProposal { CaseId = c, Actor = agent, ProposalNumber = 1 })),
            (Z("2026-03-02T11:00:00Z"), Run(c => new RecordFulfilment { CaseId = c, Actor = agent, Description = "Refunded" })),
            (Z("2026-03-02T12:00:00Z"), Run(c => new RecordFollowUp { CaseId = c, Actor = agent, Satisfied = true, Csat = 5 })),
            (Z("2026-04-01T10:00:00Z"), Run(c => new ReopenComplaint { CaseId = c, Actor = agent, Reason = "Charged again." })),
        ]);

        var march = await t.Reports.GetFcaReturnAsync(MarchScript.March);

        march.Rows.Should().Equal(new FcaReturnRow("Banking and credit cards", "Terms and disputed sums/charges", 0, 1, 1, 0, 0, 1, 0m, 0m));
        await t.Reports.RebuildAsync();
        (await t.Reports.GetFcaReturnAsync(MarchScript.March)).Rows.Should().Equal(march.Rows, "a rebuild from the history says the same");
    }

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Summary_OfMarch_IsTheHandCalculatedOne()
    {
        await using var t = await MarchScript.RunAsync(NewStore().Use);
        var reports = t.Reports;

        var s = await reports.GetSummaryAsync(MarchScript.March);

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
        await using var t = await MarchScript.RunAsync(NewStore().Use);
        var reports = t.Reports;

        var r = await reports.GetFcaReturnAsync(MarchScript.March);

        // Groups come from each case's last decided outcome: F1 and S4 took the card product from their category at
        // acceptance, with no cause; S3 took the mortgage product at its acceptance, and keeps it though its reopening
        // cleared the outcome; F2, F3, S1, S5, S6 have none.
        r.Rows.Should().Equal(
            // F3 outstanding; S1, S5, S6 opened; none closed.
            new FcaReturnRow("(none)", "(none)", 1, 3, 0, 0, 0, 0, 0m, 0m),
            // F1 outstanding, closed 10 March (after three business days, within eight weeks); S4 opened and closed the same day.
            new FcaReturnRow("Banking and credit cards", "(none)", 1, 1, 1, 1, 0, 2, 0m, 0m),
            // H11-H12.
            new FcaReturnRow("Banking and credit cards", "General admin/customer service", 0, 2, 2, 0, 0, 2, 40m, 0m),
            // H1-H10 and S2 (closed 16 March, after the third business day, 12 March 17:00; not upheld).
            new FcaReturnRow("Banking and credit cards", "Terms and disputed sums/charges", 0, 11, 10, 1, 0, 10, 200m, 0m),
            // S3 opened (agreed, fulfilled, reopened by its follow-up: never closed); no redress recorded.
            new FcaReturnRow("Home finance", "(none)", 0, 1, 0, 0, 0, 0, 0m, 0m),
            // H13-H20.
            new FcaReturnRow("Home finance", "General admin/customer service", 0, 8, 8, 0, 0, 8, 160m, 0m));
        r.Total.Should().Be(new FcaReturnRow("(all)", "(all)", 2, 26, 21, 2, 0, 22, 400m, 0m));
    }

    [Fact]
    public async Task AsicIdrRows_OfMarch_AreTheCasesReceivedInItOrOpenAtItsStart()
    {
        await using var t = await MarchScript.RunAsync(NewStore().Use);
        var reports = t.Reports;

        var rows = await reports.GetAsicIdrRowsAsync(MarchScript.March);

        // 26 received in March, and F1 and F3 open at its start.
        rows.Should().HaveCount(28);
        var f1 = rows[0];
        (f1.DateReceived, f1.DateClosed, f1.DaysToClose, f1.Status, f1.Outcome).Should().Be((new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 10), 15, "closed", "Upheld"));
        rows[1].Should().Match<AsicIdrRow>(r => r.DateReceived == new DateOnly(2026, 2, 25) && r.Status == "open" && r.DateClosed == null);
        rows.Single(r => r.MonetaryRemedy is not null && r.Product == "mortgage" && r.DateReceived == new DateOnly(2026, 3, 27)).MonetaryRemedy.Should().Be(new Money(20m, "GBP"));
    }

}
