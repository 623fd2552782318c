using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;
using ComplaintFlow.Reports;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Scenarios;

/// <summary>
/// The regulated end of a complaint, told as whole stories under each preset, with exact dates on a UK, an Australian
/// and a US calendar: bank holidays and a daylight-saving change fall inside the deadlines (PR-09, PR-14, PR-17).
/// </summary>
public sealed class FinalResponseStoryTests
{
    // England and Wales bank holidays of 2026 in the window; British Summer Time starts on 29 March.
    private static readonly BusinessCalendar London = BusinessCalendar.Create("Europe/London")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .Holidays([new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 25)])
        .Build();

    // New South Wales: Good Friday, Easter Saturday and Easter Monday; daylight saving ends on 5 April.
    private static readonly BusinessCalendar Sydney = BusinessCalendar.Create("Australia/Sydney")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .Holidays([new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 4), new DateOnly(2026, 4, 6)])
        .Build();

    // New York: Presidents' Day and Memorial Day; daylight saving starts on 8 March.
    private static readonly BusinessCalendar NewYork = BusinessCalendar.Create("America/New_York")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))
        .Holidays([new DateOnly(2026, 2, 16), new DateOnly(2026, 5, 25)])
        .Build();

    private static readonly Actor Agent = Actors.Agent;
    private static readonly Actor Supervisor = Actors.Supervisor;

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static CaseClock Clock(ComplaintCase c, string name) => c.Clocks.Single(k => k.Name == name);

    [Fact]
    public async Task Fca_ResolvedOnDayTwo_ClosesWithASummaryResolutionCommunication()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);
        Clock(c, ClockPresets.FcaQuickResolution).DueAt.Should().Be(Z("2026-03-05T17:00:00Z"), "close of the third business day after Monday 2 March");

        // Tuesday: the customer accepts the refund; by DISP 1.5 the complaint is resolved.
        t.Time.SetUtcNow(Z("2026-03-03T11:00:00Z"));
        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 });
        Clock(c, ClockPresets.FcaQuickResolution).Should().BeEquivalentTo(new { Status = ClockStatus.Stopped, Breached = false });
        c.Outcome!.Decision.Should().Be(ComplaintOutcome.Upheld);

        // Wednesday, day 2: the summary resolution communication, with the ombudsman's details.
        t.Time.SetUtcNow(Z("2026-03-04T09:30:00Z"));
        var letter = await t.Desk.GetLetterAsync(c.Id, CommunicationKind.SummaryResolution);
        letter.Required.Should().Equal(LetterElement.CaseFacts, LetterElement.ReferralBody, LetterElement.ReferralContact);
        letter.Referral!.Body.Should().Be("Financial Ombudsman Service");
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.SummaryResolution, Channel = Channel.Email, Reference = "SRC-1" });
        Clock(c, ClockPresets.FcaFinalResponse).Should().BeEquivalentTo(new { Status = ClockStatus.Stopped, Breached = false }, "a summary resolution ends the eight-week obligation");

        c = await t.Desk.DriveToAsync(c, StepIds.Closed);

        c.Step.Should().Be(StepIds.Closed);
        var history = (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).ToList();
        history.OfType<CommunicationRecorded>().Select(r => r.Communication.Kind).Should().Equal(CommunicationKind.SummaryResolution);
        history.OfType<ComplaintClosed>().Single().Reason.Should().Be(CloseReason.CustomerSatisfied);
    }

    [Fact]
    public async Task Fca_NotUpheldAfterTwoRejections_FinalResponseInWeekSixWithOmbudsmanRights()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T09:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.GainAgreement);

        // Two offers rejected: the second rejection sends the case to a supervisor (PR-09).
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, CounterSuggestion = "All my fees back" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [CaseDriver.Credit(40m)], Explanation = "A larger credit" });
        c = await t.Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 2, CounterSuggestion = "All my fees back" });
        c.Tier.Should().Be("supervisor");

        // Wednesday 8 April, week 6 (after the Easter bank holidays and the change to BST): the final response.
        t.Time.SetUtcNow(Z("2026-04-08T10:00:00Z"));
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = c.Id,
            Actor = Supervisor,
            Decision = ComplaintOutcome.NotUpheld,
            Reasons = "The fees were set out in the agreement you signed, and were charged as it says.",
            Channel = Channel.Letter,
            Reference = "FR-2026-0412",
        });

        c.Step.Should().Be(StepIds.FollowUp, "nothing was offered, so there is nothing to carry out");
        c.Outcome.Should().Match<CaseOutcome>(o => o.Decision == ComplaintOutcome.NotUpheld && !o.CountsAsUpheld && o.DecidedBy == Supervisor);
        Clock(c, ClockPresets.FcaFinalResponse).Should().BeEquivalentTo(new { Status = ClockStatus.Stopped, Breached = false, StoppedAt = Z("2026-04-08T10:00:00Z") });
        c.Proposals.Select(p => p.Status).Should().Equal(ProposalStatus.Rejected, ProposalStatus.Rejected);

        // The letter model carries every element the FCA preset requires, the referral time limit counted from today.
        var letter = await t.Desk.GetLetterAsync(c.Id, CommunicationKind.FinalResponse);
        letter.Missing.Should().BeEmpty();
        letter.Offer.Should().BeEmpty();
        letter.Referral.Should().Be(new ReferralRights("Financial Ombudsman Service", "www.financial-ombudsman.org.uk", "0800 023 4567", 6, "referral-financial-ombudsman"));
        letter.ReferralDeadline.Should().Be(Z("2026-10-08T10:00:00Z"));
        letter.ReferralText.Should().Contain("six months");

        // The customer wants no more contact; the supervisor waives the follow-up, and the case closes after its final response.
        c = await t.Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Supervisor, Reason = "The customer asked us not to contact them again." });
        c.Step.Should().Be(StepIds.Closed);
        var history = (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).ToList();
        history.OfType<FinalResponseIssued>().Should().ContainSingle().Which.Letter.Reference.Should().Be("FR-2026-0412");
        history.OfType<ComplaintClosed>().Single().Reason.Should().Be(CloseReason.AfterFinalResponse);
    }

    [Fact]
    public async Task Fca_DelayLetterAtTheEndOfWeekEight_ThenAFinalResponseWithAnOfferInWeekTen()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        Clock(c, ClockPresets.FcaFinalResponse).DueAt.Should().Be(Z("2026-04-27T23:00:00Z"), "the end of 27 April, BST");

        // Monday 27 April, 15:00 BST: no final response yet, so the delay letter.
        t.Time.SetUtcNow(Z("2026-04-27T14:00:00Z"));
        var delay = await t.Desk.GetLetterAsync(c.Id, CommunicationKind.DelayLetter);
        delay.ResponseDeadline.Should().Be(Z("2026-04-27T23:00:00Z"));
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.DelayLetter, Channel = Channel.Letter, Reference = "DL-1" });

        // The deadline passes (the first instant after it): the breach goes to the specialist team.
        t.Time.SetUtcNow(Z("2026-04-27T23:00:00Z").AddTicks(1));
        c = await t.Desk.RecordDueClocksAsync(c.Id);
        c.Tier.Should().Be("specialist-team");

        // Monday 11 May, week 10: the final response, partly upholding the complaint with a refund it will pay.
        t.Time.SetUtcNow(Z("2026-05-11T09:00:00Z"));
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = c.Id,
            Actor = Actors.Specialist,
            Decision = ComplaintOutcome.PartlyUpheld,
            Reasons = "The second charge was our error; the first was correct.",
            Offer = [new Remedy(RemedyKind.Refund, "Refund of the second charge", new Money(50m, "GBP"))],
            Channel = Channel.Letter,
        });
        c.Step.Should().Be(StepIds.Fulfil);
        c.AgreedOrOffered!.Status.Should().Be(ProposalStatus.OfferedInFinalResponse);
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Actors.Specialist, Kind = RedressKind.RefundOfLoss, Amount = new Money(50m, "GBP"), Description = "Second charge refunded", Reference = "PAY-77" });
        c = await t.Desk.DriveToAsync(c, StepIds.Closed, Actors.Specialist);

        c.Step.Should().Be(StepIds.Closed, "the delay letter was sent, so the late final response may close the case");
        Clock(c, ClockPresets.FcaFinalResponse).Breached.Should().BeTrue();
        c.RedressPaid.Should().Equal(new Money(50m, "GBP"));
        var history = (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).ToList();
        history.OfType<ComplaintClosed>().Single().Reason.Should().Be(CloseReason.AfterFinalResponse);
        history.FindIndex(d => d is CommunicationRecorded { Communication.Kind: CommunicationKind.DelayLetter })
            .Should().BeLessThan(history.FindIndex(d => d is ClockBreached { Name: ClockPresets.FcaFinalResponse }));
    }

    [Fact]
    public async Task Fca_LateFinalResponseWithoutADelayLetter_CannotCloseUntilOneIsRecorded()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution, Supervisor);
        t.Time.SetUtcNow(Z("2026-05-05T10:00:00Z"));
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "Charged as agreed.", Channel = Channel.Email });
        var before = await t.StoredStateAsync(c.Id);

        var close = () => t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = true, Csat = 2 }).AsTask();

        (await close.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("a delay letter, as no final response was sent by the end of eight weeks (FCA DISP 1.6.2)");
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Supervisor, Kind = CommunicationKind.DelayLetter, Channel = Channel.Letter, SentAt = Z("2026-04-27T15:00:00Z") });
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = true, Csat = 2 });
        c.Step.Should().Be(StepIds.Closed);
    }

    [Fact]
    public async Task Asic_StandardComplaint_IdrResponseWithAfcaRights_AndAQuickOneNeedsNone()
    {
        // Received Monday 2 March, 11:00 AEDT: the response is due by the end of 1 April (AEDT), 30 calendar days on.
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.AustraliaAsicRg271(Sydney), time: new(Z("2026-03-02T00:00:00Z")));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(customer: "au-1"), StepIds.GainAgreement);
        Clock(c, ClockPresets.AsicIdrResponse).DueAt.Should().Be(Z("2026-04-01T13:00:00Z"));
        Clock(c, ClockPresets.AsicQuickResolution).DueAt.Should().Be(Z("2026-03-09T06:00:00Z"), "close of business on the fifth business day, 17:00 AEDT");

        t.Time.SetUtcNow(Z("2026-03-20T00:00:00Z"));
        c = await t.Desk.DriveToAsync(c, StepIds.FollowUp);
        var refused = () => t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 4 }).AsTask();
        (await refused.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("an IDR response with the outcome, its reasons and AFCA's details (ASIC RG 271)");

        var letter = await t.Desk.GetLetterAsync(c.Id, CommunicationKind.IdrResponse);
        letter.Missing.Should().BeEmpty();
        letter.Referral!.Body.Should().Be("Australian Financial Complaints Authority");
        letter.ReferralDeadline.Should().Be(Z("2028-03-20T00:00:00Z"), "two years from the response");
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.IdrResponse, Channel = Channel.Email });
        Clock(c, ClockPresets.AsicIdrResponse).Should().BeEquivalentTo(new { Status = ClockStatus.Stopped, Breached = false });
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 4 });
        c.Step.Should().Be(StepIds.Closed);

        // A complaint settled and closed within five business days needs no written IDR response.
        t.Time.SetUtcNow(Z("2026-03-23T00:00:00Z"));
        var quick = await t.Desk.DriveToAsync(await t.OpenAsync(customer: "au-2"), StepIds.Closed);
        quick.Step.Should().Be(StepIds.Closed);
        quick.Communications.Should().NotContain(m => m.Kind == CommunicationKind.IdrResponse);
    }

    [Fact]
    public async Task Asic_HardshipComplaint_Due21Days_AlwaysNeedsAnIdrResponse_EvenWhenQuick()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.AustraliaAsicRg271(Sydney, AsicComplaintKind.FinancialHardship), time: new(Z("2026-03-02T00:00:00Z")));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);
        Clock(c, ClockPresets.AsicIdrResponse).DueAt.Should().Be(Z("2026-03-23T13:00:00Z"), "the end of 23 March AEDT, 21 calendar days on");

        var refused = () => t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 5 }).AsTask();

        await refused.Should().ThrowAsync<ActionNotPermittedException>("a hardship complaint is answered in writing however quickly it is resolved");
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.IdrResponse, Channel = Channel.Letter });
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 5 });
        c.Step.Should().Be(StepIds.Closed);
    }

    [Fact]
    public async Task Cfpb_InProgressThenFinalByDaySixty_ResponseTypesFollowTheCase()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UsCfpb(NewYork));

        // Received Monday 2 March, 10:00 EST; New York moves to daylight saving on 8 March.
        t.Time.SetUtcNow(Z("2026-03-02T15:00:00Z"));
        var silent = await t.OpenAsync(customer: "us-2");
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(customer: "us-1"), StepIds.SeekResolution);
        CfpbResponses.TypeOf(c, t.Time.GetUtcNow()).Should().BeNull("nothing is due yet");

        t.Time.SetUtcNow(Z("2026-03-12T14:00:00Z"));
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.CfpbInProgress, Channel = Channel.Web });
        CfpbResponses.TypeOf(c, t.Time.GetUtcNow()).Should().Be(CfpbResponseType.InProgress);
        Clock(c, ClockPresets.CfpbResponse).Should().BeEquivalentTo(new { Status = ClockStatus.Stopped, Breached = false });

        // Day 49: agreed, refunded, and the final response through the portal. Nobody updated the customer for weeks, so
        // when the proposal puts the case into waiting, the missed update is recorded and a supervisor takes over (PR-13).
        t.Time.SetUtcNow(Z("2026-04-20T14:00:00Z"));
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The late fee back" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Refund, "Late fee refunded", new Money(25m, "USD"))], Explanation = "The late fee was charged in error." });
        c.Tier.Should().Be("supervisor");
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ClockBreached>().Should().Contain(b => b.Name == ClockNames.CustomerUpdate);
        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Supervisor, ProposalNumber = 1 });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Supervisor, Kind = RedressKind.RefundOfLoss, Amount = new Money(25m, "USD"), Description = "Late fee refunded" });
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Supervisor, Kind = CommunicationKind.CfpbResponse, Channel = Channel.Web });
        c = await t.Desk.DriveToAsync(c, StepIds.Closed, Supervisor);

        CfpbResponses.TypeOf(c, t.Time.GetUtcNow()).Should().Be(CfpbResponseType.ClosedWithMonetaryRelief);
        Clock(c, ClockPresets.CfpbFinalResponse).Should().BeEquivalentTo(new { DueAt = Z("2026-05-02T04:00:00Z"), Status = ClockStatus.Stopped, Breached = false });

        // Asked about 13 March, after the in-progress response and before the final one, both answer as the case stood then.
        var thirteenth = Z("2026-03-13T12:00:00Z");
        CfpbResponses.TypeOf(c, thirteenth).Should().Be(CfpbResponseType.InProgress, "the final response of 20 April had not been sent on 13 March");
        var march = ReportPeriod.Month(2026, 3, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var then = await t.Services.GetRequiredService<IComplaintReports>().GetCfpbSummaryAsync(march, thirteenth);
        then.ByType.Should().Equal(new Dictionary<CfpbResponseType, long> { [CfpbResponseType.InProgress] = 1 }, "us-1 was in progress then");
        then.AwaitingResponse.Should().Be(1, "us-2 had no response and none was due before the end of 17 March");
        var before = await t.Services.GetRequiredService<IComplaintReports>().GetCfpbSummaryAsync(march, Z("2026-03-01T12:00:00Z"));
        (before.ByType.Count, before.AwaitingResponse).Should().Be((0, 0), "on 1 March neither complaint had been received");

        // Another complaint, received at the same time and never answered: untimely once day 15 has ended.
        CfpbResponses.TypeOf(silent, Z("2026-03-18T03:59:00Z")).Should().BeNull();
        CfpbResponses.TypeOf(silent, Z("2026-03-18T04:01:00Z")).Should().Be(CfpbResponseType.UntimelyResponse);
    }

    [Fact]
    public async Task Redress_OfSeveralKinds_GoodwillApart_AndAShortfallNeedsAReason()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "My money back" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = c.Id,
            Actor = Agent,
            Remedies = [new Remedy(RemedyKind.Refund, "Refund of the order", new Money(50m, "GBP")), new Remedy(RemedyKind.Goodwill, "Goodwill credit", new Money(10m, "GBP"))],
            Explanation = "A refund, and a credit for the trouble.",
        });
        c = await t.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 });

        // The refund in two payments, distress money beyond the agreement (within the agent's authority), the goodwill,
        // and something done rather than paid.
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(30m, "GBP"), Description = "First part of the refund", Reference = "PAY-1" });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(20m, "GBP"), Description = "Rest of the refund", Reference = "PAY-2" });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.DistressAndInconvenience, Amount = new Money(15m, "GBP"), Description = "For the missed event" });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.Goodwill, Amount = new Money(10m, "GBP"), Description = "Goodwill credit" });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RemedialAction, Description = "Delivery address corrected on the account" });

        c.RedressPaid.Should().Equal(new Money(65m, "GBP"));
        c.GoodwillPaid.Should().Equal(new Money(10m, "GBP"));
        c.Redress.Select(r => r.Kind).Should().Equal(RedressKind.RefundOfLoss, RedressKind.RefundOfLoss, RedressKind.DistressAndInconvenience, RedressKind.Goodwill, RedressKind.RemedialAction);
        c = await t.Desk.DriveToAsync(c, StepIds.Closed);
        c.Step.Should().Be(StepIds.Closed);
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<RedressRecorded>().Should().HaveCount(5);

        // A second case pays less than agreed: it closes only once the reason is recorded (PR-17).
        var short_ = await t.Desk.DriveToAsync(await t.OpenAsync(customer: "cust-43"), StepIds.Fulfil);
        short_ = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = short_.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(12m, "GBP"), Description = "Credit" });
        short_ = await t.Desk.DriveToAsync(short_, StepIds.FollowUp);
        var close = () => t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = short_.Id, Actor = Agent, Satisfied = true, Csat = 3 }).AsTask();
        (await close.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("a reason for paying less than agreed (GBP 12.00 paid of GBP 20.00 agreed)");
        short_ = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = short_.Id, Actor = Agent, Kind = RedressKind.RemedialAction, Description = "Replacement item sent instead of the rest", ShortfallReason = "The customer chose a replacement worth the rest." });
        short_ = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = short_.Id, Actor = Agent, Satisfied = true, Csat = 3 });
        short_.RedressShortfallReason.Should().Be("The customer chose a replacement worth the rest.");
        short_.Step.Should().Be(StepIds.Closed);
    }

    [Fact]
    public async Task Fca_AFinalResponseBackdatedBeforeItsOutcomeWasDecided_IsRefused()
    {
        // Received Mon 2 March; agreed only in week ten (Mon 11 May), which decides the outcome. A final response dated
        // week seven would claim the outcome was told before it existed, and inside the eight weeks it missed.
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.OpenAsync();
        t.Time.SetUtcNow(Z("2026-05-11T10:00:00Z"));
        c = await t.Desk.DriveToAsync(c, StepIds.Fulfil);
        var version = c.Version;

        var backdated = () => t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.FinalResponse, Channel = Channel.Letter, SentAt = Z("2026-04-20T10:00:00Z") }).AsTask();

        (await backdated.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain("SentAt").And.Contain("before the outcome it states was decided");
        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(version);
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.FinalResponse, Channel = Channel.Letter, SentAt = Z("2026-05-11T10:00:00Z") });
        c.CommunicationsThisRound.Should().ContainSingle(m => m.Kind == CommunicationKind.FinalResponse);
    }

    [Fact]
    public async Task Redress_PaidBeyondTheAgreementInParts_IsRefusedOnceTheWholeExcessPassesTheActorsLimit()
    {
        // GBP 20 agreed; the agent may pay up to GBP 100 beyond it. GBP 70, then GBP 50: the excess is then GBP 100, at
        // the limit. Another GBP 50 would make it GBP 150, past the agent's limit, though that entry alone is GBP 50.
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Fulfil);
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.DistressAndInconvenience, Amount = new Money(70m, "GBP"), Description = "Part one" });
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.DistressAndInconvenience, Amount = new Money(50m, "GBP"), Description = "Part two" });

        var third = () => t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.DistressAndInconvenience, Amount = new Money(50m, "GBP"), Description = "Part three" }).AsTask();

        (await third.Should().ThrowAsync<ComplaintAuthorizationException>()).Which.Message.Should().Contain("GBP 150.00 beyond the agreed GBP 20.00");
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Supervisor, Kind = RedressKind.DistressAndInconvenience, Amount = new Money(50m, "GBP"), Description = "Part three, by a supervisor" });
        c.RedressPaid.Should().Equal(new Money(170m, "GBP"));
    }

    [Fact]
    public async Task Redress_AShortfallReasonGivenInOneRound_DoesNotExcuseTheNextRoundsShortfall_PR17()
    {
        // Round 1: GBP 20 agreed, GBP 12 paid, the rest excused by a replacement. Reopened, round 2 agrees GBP 20 again
        // and pays GBP 5 more: GBP 17 paid of GBP 20 agreed, and the first round's reason says nothing about that.
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Fulfil);
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(12m, "GBP"), Description = "Credit", ShortfallReason = "The customer chose a replacement worth the rest." });
        c = await t.Desk.DriveToAsync(c, StepIds.Closed);
        c = await t.Desk.ExecuteAsync(new ReopenComplaint { CaseId = c.Id, Actor = Agent, Reason = "The replacement never came." });
        c.RedressShortfallReason.Should().BeNull("a new round needs its own reason");

        c = await t.Desk.DriveToAsync(c, StepIds.Fulfil);
        c = await t.Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(5m, "GBP"), Description = "Part refund" });
        c = await t.Desk.DriveToAsync(c, StepIds.FollowUp);
        var close = () => t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 3 }).AsTask();

        (await close.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("a reason for paying less than agreed (GBP 17.00 paid of GBP 20.00 agreed)");
    }

    [Fact]
    public async Task Asic_AnotherRegimesFinalAnswer_OrOneRecordedWithoutAgreement_IsRefused_AndTheCaseCanStillBeAnswered()
    {
        // Under ASIC the final answer is the IDR response. A "final response" recorded by mistake would have taken this
        // round's one final answer and left the IDR response, which closing needs, impossible to send.
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.AustraliaAsicRg271(Sydney), time: new(Z("2026-03-02T00:00:00Z")));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution, Supervisor);
        c = await t.Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the contract." });
        var version = c.Version;

        var wrongKind = () => t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Supervisor, Kind = CommunicationKind.FinalResponse, Channel = Channel.Email }).AsTask();
        (await wrongKind.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain("not the final answer under the configured rules, which require an IDR response");
        var unagreed = () => t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Supervisor, Kind = CommunicationKind.IdrResponse, Channel = Channel.Email }).AsTask();
        (await unagreed.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain("issue-final-response");
        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(version, "a refusal changes nothing");

        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the contract.", Channel = Channel.Email });
        c.Communications.Should().ContainSingle(m => m.Kind == CommunicationKind.IdrResponse);
    }

    [Fact]
    public async Task Fca_ReopenedAfterAFinalResponse_NeedsANewDecisionAndAnotherFinalResponseToCloseAgain()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution, Supervisor);
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "Delivered as ordered.", Channel = Channel.Letter });

        // The follow-up finds the customer not satisfied: a new round begins, without the old decision.
        t.Time.SetUtcNow(Z("2026-03-10T10:00:00Z"));
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = false, Comment = "The photos show the wrong colour." });
        c.Step.Should().Be(StepIds.Listen);
        c.ReopenCount.Should().Be(1);
        c.Outcome.Should().BeNull();
        c.CommunicationsThisRound.Should().BeEmpty();
        (await t.Desk.GetPermittedActionsAsync(c.Id, Supervisor)).Should().NotContain(ComplaintActions.RecordFollowUp);

        // A second final response in the new round, upholding it this time, with an offer.
        c = await t.Desk.DriveToAsync(c, StepIds.SeekResolution, Supervisor);
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = c.Id,
            Actor = Supervisor,
            Decision = ComplaintOutcome.Upheld,
            Reasons = "The photos show we sent the wrong colour.",
            Offer = [CaseDriver.Credit(30m)],
            Channel = Channel.Letter,
        });
        c = await t.Desk.DriveToAsync(c, StepIds.Closed, Supervisor);

        c.Step.Should().Be(StepIds.Closed);
        c.Outcome!.Decision.Should().Be(ComplaintOutcome.Upheld);
        var history = (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).ToList();
        history.OfType<FinalResponseIssued>().Select(f => f.Outcome.Decision).Should().Equal(ComplaintOutcome.NotUpheld, ComplaintOutcome.Upheld);
        history.OfType<FinalResponseIssued>().Select(f => f.Letter.Round).Should().Equal(0, 1);
        history.OfType<ComplaintClosed>().Single().Reason.Should().Be(CloseReason.AfterFinalResponse);
    }

    [Fact]
    public async Task Fca_ReopenedAfterAnAgreedRemedy_TheOldAgreementNoLongerCounts_InTheNewRound()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));

        // Round 1: a credit is agreed and carried out, but the follow-up finds the customer still unhappy.
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp, Supervisor);
        c.AcceptedProposal.Should().NotBeNull();
        t.Time.SetUtcNow(Z("2026-03-10T10:00:00Z"));
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = false, Comment = "The credit did not cover the return postage." });

        c.AgreedOrOffered.Should().BeNull("a new round needs a new agreement (PR-08); the history keeps the first");
        c.Proposals.Should().ContainSingle().Which.Status.Should().Be(ProposalStatus.Superseded);
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ProposalAccepted>().Should().ContainSingle();

        // Round 2 ends with a final response that offers nothing: the letter offers nothing, and the close says so.
        c = await t.Desk.DriveToAsync(c, StepIds.SeekResolution, Supervisor);
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "Postage was refunded with the credit.", Channel = Channel.Letter });
        (await t.Desk.GetPermittedActionsAsync(c.Id, Supervisor)).Should().NotContain(ComplaintActions.RecordRedress, "there is no agreement of this round to pay against");
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = true, Csat = 3 });

        c.Step.Should().Be(StepIds.Closed);
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ComplaintClosed>().Last().Reason.Should().Be(CloseReason.AfterFinalResponse);
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<FinalResponseIssued>().Single().Offer.Should().BeNull("the first round's credit is not offered again");
    }

    [Fact]
    public async Task Asic_FinalResponseWithoutAgreement_IsTheIdrResponse_AndResolvesTheServiceClocks()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.AustraliaAsicRg271(Sydney), time: new(Z("2026-03-02T00:00:00Z")));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution, Supervisor);
        t.Time.SetUtcNow(Z("2026-03-16T00:00:00Z"));

        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the contract.", Channel = Channel.Email });

        c.Communications.Should().ContainSingle(m => m.Kind == CommunicationKind.IdrResponse, "under ASIC the final answer is the IDR response");
        Clock(c, ClockPresets.AsicIdrResponse).Status.Should().Be(ClockStatus.Stopped);
        Clock(c, ClockNames.Resolution).Status.Should().Be(ClockStatus.Stopped, "nothing was offered, so the answer resolves the case");
        Clock(c, ClockNames.FollowUp).Status.Should().Be(ClockStatus.Running, "and the follow-up window opens");
        var change = () => t.Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.Upheld, Reasons = "Changed our mind" }).AsTask();
        // The process refuses it (and so does not offer it): the outcome was told to the customer.
        (await change.Should().ThrowAsync<ActionNotPermittedException>()).Which.Message.Should().Contain("stated to the customer in the IDR response");
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Supervisor, Satisfied = true, Csat = 3 });
        c.Step.Should().Be(StepIds.Closed);
        (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ComplaintClosed>().Single().Reason.Should().Be(CloseReason.AfterFinalResponse, "the round ended with the IDR response, sent without agreement");
    }

    [Fact]
    public async Task Fca_ResolvedBySummaryResolution_ClosingAfterEightWeeks_NeedsNoDelayLetter()
    {
        using var t = new TestDesk(options: o => o.Clocks = ClockPresets.UkFcaDisp(London));
        t.Time.SetUtcNow(Z("2026-03-02T10:00:00Z"));
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Fulfil);
        c = await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.SummaryResolution, Channel = Channel.Email });
        c = await t.Desk.DriveToAsync(c, StepIds.FollowUp);

        t.Time.SetUtcNow(Z("2026-05-11T10:00:00Z"));
        c = await t.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 5 });

        c.Step.Should().Be(StepIds.Closed, "the summary resolution was the answer, sent in time");
    }

    [Fact]
    public void Options_CommunicationRuleNamingAnUnknownClock_AndDuplicateOutcomeCodes_AreRefusedNamingThem()
    {
        var act = () => new TestDesk(options: o =>
        {
            o.Clocks = ClockPresets.UkFcaDisp(London);
            o.Clocks.Clocks.Remove(o.Clocks.Clocks.Single(k => k.Name == ClockPresets.FcaQuickResolution));
            o.Outcomes.Products.Add(new OutcomeCode("card", "Card"));
            o.Outcomes.Products.Add(new OutcomeCode("card", "Credit card"));
            o.Outcomes.ProductByCategory["loans"] = "loan";
        });

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*reads clock 'fca-quick-resolution', which is not configured*")
            .WithMessage("*Outcomes.Products: 'card' is configured more than once*")
            .WithMessage("*ProductByCategory['loans'] is 'loan', which is not one of Outcomes.Products*");
    }
}
