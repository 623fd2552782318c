using ComplaintFlow.Outcomes;
using ComplaintFlow.Policies;

namespace ComplaintFlow.Time;

/// <summary>
/// Starting points for the clocks: a sensible default and three regulators' rules. Each returns fresh settings you can
/// adjust. The presets encode our reading of each rule as summarised in docs/time-and-deadlines.md; they are not legal
/// advice, so check them against the current rules that apply to you.
/// </summary>
public static class ClockPresets
{
    /// <summary>Monday to Friday, 09:00 to 17:00 UTC, no holidays: the calendar used when the app gives none.</summary>
    public static BusinessCalendar DefaultCalendar { get; } = BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    /// <summary>
    /// Good practice without a regulator: acknowledge within 1 business day (PR-01), update at least every 2 business
    /// days while open (PR-13), resolve within 10 business days, fulfil within 3 business days of agreement (PR-12) and
    /// follow up 2 to 5 business days after fulfilment (PR-14).
    /// </summary>
    public static ClockSettings Default(BusinessCalendar? calendar = null) => new(calendar ?? DefaultCalendar, ServiceClocks());

    /// <summary>
    /// UK FCA DISP 1.6: the default service clocks, plus the quick-resolution route (close of business on the third
    /// business day after receipt, DISP 1.5) and the final response by the end of eight weeks after receipt.
    /// </summary>
    public static ClockSettings UkFcaDisp(BusinessCalendar calendar)
    {
        var settings = new ClockSettings(calendar,
        [
            .. ServiceClocks(),
            new ClockDefinition
            {
                Name = FcaQuickResolution,
                Description = "FCA DISP 1.5: resolved by close of business on the third business day after receipt, a summary resolution communication is enough.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.Agreed | ClockTriggers.SummaryResolutionSent | ClockTriggers.FinalResponseSent,
                Deadline = ClockDeadline.EndOfBusinessDay(3),
            },
            new ClockDefinition
            {
                Name = FcaFinalResponse,
                Description = "FCA DISP 1.6.2: a final response (or a summary resolution) by the end of eight weeks after receipt; otherwise a delay letter.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.FinalResponseSent | ClockTriggers.SummaryResolutionSent,
                Deadline = ClockDeadline.EndOfCalendarDay(56),
                WarnAt = 0.75,
                Regulatory = true,
            },
        ])
        {
            Referral = new ReferralRights("Financial Ombudsman Service", "www.financial-ombudsman.org.uk", "0800 023 4567", 6, CustomerExplanationKeys.ReferralFinancialOmbudsman),
        };
        settings.Communications.Add(CommunicationRule.BeforeClose(CommunicationKind.FinalResponse, "a final response with the outcome, its reasons and the Financial Ombudsman Service's details (FCA DISP 1.6.2), or a summary resolution communication within three business days (DISP 1.5)", [CommunicationKind.SummaryResolution]) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.Outcome, LetterElement.Reasons, LetterElement.Offer, LetterElement.ReferralBody, LetterElement.ReferralContact, LetterElement.ReferralTimeLimit],
        });
        settings.Communications.Add(CommunicationRule.OnlyUntil(CommunicationKind.SummaryResolution, "a summary resolution communication (FCA DISP 1.5)", FcaQuickResolution) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.ReferralBody, LetterElement.ReferralContact],
        });
        settings.Communications.Add(CommunicationRule.IfLate(CommunicationKind.DelayLetter, "a delay letter, as no final response was sent by the end of eight weeks (FCA DISP 1.6.2)", CommunicationKind.FinalResponse, FcaFinalResponse, [CommunicationKind.SummaryResolution]) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.ResponseDeadline, LetterElement.ReferralBody, LetterElement.ReferralContact],
        });
        return settings;
    }

    /// <summary>
    /// Australia ASIC RG 271: acknowledge within one business day, and a response within 30 calendar days (21 for
    /// default-notice and financial-hardship complaints, 45 for superannuation trustees). The warning marks when a delay
    /// notification is due if the deadline cannot be met.
    /// </summary>
    public static ClockSettings AustraliaAsicRg271(BusinessCalendar calendar, AsicComplaintKind kind = AsicComplaintKind.Standard)
    {
        var settings = new ClockSettings(calendar,
        [
            .. ServiceClocks(),
            new ClockDefinition
            {
                Name = AsicQuickResolution,
                Description = "ASIC RG 271: a complaint closed by the end of the fifth business day after receipt needs no written IDR response, unless it is about hardship.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.IdrResponseSent,
                Deadline = ClockDeadline.EndOfBusinessDay(5),
            },
            new ClockDefinition
            {
                Name = AsicIdrResponse,
                Description = $"ASIC RG 271: an IDR response within {AsicDays(kind)} calendar days of receipt; if it cannot be met, an IDR delay notification before the deadline.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.IdrResponseSent,
                Deadline = ClockDeadline.EndOfCalendarDay(AsicDays(kind)),
                Regulatory = true,
            },
        ])
        {
            Referral = new ReferralRights("Australian Financial Complaints Authority", "www.afca.org.au", "1800 931 678", 24, CustomerExplanationKeys.ReferralAfca),
        };
        settings.Communications.Add(CommunicationRule.BeforeClose(CommunicationKind.IdrResponse, "an IDR response with the outcome, its reasons and AFCA's details (ASIC RG 271)", notNeededIfClosedBy: kind == AsicComplaintKind.FinancialHardship ? null : AsicQuickResolution) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.Outcome, LetterElement.Reasons, LetterElement.Offer, LetterElement.ReferralBody, LetterElement.ReferralContact, LetterElement.ReferralTimeLimit],
        });
        settings.Communications.Add(CommunicationRule.IfLate(CommunicationKind.IdrDelayNotification, "an IDR delay notification, as no IDR response was sent by the deadline (ASIC RG 271)", CommunicationKind.IdrResponse, AsicIdrResponse) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.ResponseDeadline, LetterElement.ReferralBody, LetterElement.ReferralContact],
        });
        return settings;
    }

    /// <summary>
    /// US CFPB company-portal expectations: a response within 15 calendar days, and a final response within 60 calendar
    /// days when the first response said more time was needed.
    /// </summary>
    public static ClockSettings UsCfpb(BusinessCalendar calendar)
    {
        var settings = new ClockSettings(calendar,
        [
            .. ServiceClocks(),
            new ClockDefinition
            {
                Name = CfpbResponse,
                Description = "CFPB: the company responds within 15 calendar days, finally or saying the complaint is in progress.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.CfpbInProgressSent | ClockTriggers.CfpbResponseSent,
                Deadline = ClockDeadline.EndOfCalendarDay(15),
                Regulatory = true,
            },
            new ClockDefinition
            {
                Name = CfpbFinalResponse,
                Description = "CFPB: a final response within 60 calendar days.",
                StartsOn = ClockTriggers.Opened,
                StopsOn = ClockTriggers.CfpbResponseSent,
                Deadline = ClockDeadline.EndOfCalendarDay(60),
                Regulatory = true,
            },
        ]);
        settings.Communications.Add(CommunicationRule.BeforeClose(CommunicationKind.CfpbResponse, "the company's final response through the CFPB portal") with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.Outcome, LetterElement.Reasons, LetterElement.Offer],
        });
        settings.Communications.Add(CommunicationRule.OnlyUntil(CommunicationKind.CfpbInProgress, "a CFPB in-progress response", CfpbResponse) with
        {
            Elements = [LetterElement.CaseFacts, LetterElement.ResponseDeadline],
        });
        return settings;
    }

    /// <summary>The UK quick-resolution clock: close of business on the third business day after receipt.</summary>
    public const string FcaQuickResolution = "fca-quick-resolution";

    /// <summary>The UK final-response clock: the end of eight weeks after receipt.</summary>
    public const string FcaFinalResponse = "fca-final-response";

    /// <summary>The Australian quick-resolution clock: the end of the fifth business day after receipt.</summary>
    public const string AsicQuickResolution = "asic-quick-resolution";

    /// <summary>The Australian IDR response clock.</summary>
    public const string AsicIdrResponse = "asic-idr-response";

    /// <summary>The CFPB first-response clock: 15 calendar days.</summary>
    public const string CfpbResponse = "cfpb-response";

    /// <summary>The CFPB final-response clock: 60 calendar days.</summary>
    public const string CfpbFinalResponse = "cfpb-final-response";

    private static int AsicDays(AsicComplaintKind kind) => kind switch
    {
        AsicComplaintKind.FinancialHardship => 21,
        AsicComplaintKind.Superannuation => 45,
        _ => 30,
    };

    private static ClockDefinition[] ServiceClocks() =>
    [
        new()
        {
            Name = ClockNames.Acknowledge,
            Description = "Acknowledge within one business day of receipt (PR-01).",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Acknowledged,
            Deadline = ClockDeadline.EndOfBusinessDay(1),
        },
        new()
        {
            Name = ClockNames.CustomerUpdate,
            Description = "Update the customer at least every two business days while the case is open (PR-13).",
            StartsOn = ClockTriggers.Acknowledged | ClockTriggers.Reopened,
            ResetsOn = ClockTriggers.CustomerUpdated,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfBusinessDay(2),
            PausesWhileWaitingOnCustomer = true,
        },
        new()
        {
            Name = ClockNames.Resolution,
            Description = "Resolve within ten business days of receipt, not counting time waiting on the customer.",
            StartsOn = ClockTriggers.Opened | ClockTriggers.Reopened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfBusinessDay(10),
            PausesWhileWaitingOnCustomer = true,
        },
        new()
        {
            Name = ClockNames.Fulfilment,
            Description = "Carry out the agreed remedy within three business days of agreement (PR-12).",
            StartsOn = ClockTriggers.Agreed,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfBusinessDay(3),
        },
        new()
        {
            Name = ClockNames.FollowUp,
            Description = "Follow up two to five business days after fulfilment (PR-14): the warning opens the window, the deadline closes it.",
            StartsOn = ClockTriggers.Fulfilled,
            StopsOn = ClockTriggers.FollowedUp,
            Deadline = ClockDeadline.EndOfBusinessDay(5),
            WarnAt = 0.4,
        },
    ];
}
