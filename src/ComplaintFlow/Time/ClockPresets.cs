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
    public static ClockSettings UkFcaDisp(BusinessCalendar calendar) => new(calendar,
    [
        .. ServiceClocks(),
        new ClockDefinition
        {
            Name = "fca-quick-resolution",
            Description = "FCA DISP 1.5: resolved by close of business on the third business day after receipt, a summary resolution communication is enough.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfBusinessDay(3),
        },
        new ClockDefinition
        {
            Name = "fca-final-response",
            Description = "FCA DISP 1.6.2: a final response by the end of eight weeks after receipt.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfCalendarDay(56),
            WarnAt = 0.75,
            Regulatory = true,
        },
    ]);

    /// <summary>
    /// Australia ASIC RG 271: acknowledge within one business day, and a response within 30 calendar days (21 for
    /// default-notice and financial-hardship complaints, 45 for superannuation trustees). The warning marks when a delay
    /// notification is due if the deadline cannot be met.
    /// </summary>
    public static ClockSettings AustraliaAsicRg271(BusinessCalendar calendar, AsicComplaintKind kind = AsicComplaintKind.Standard) => new(calendar,
    [
        .. ServiceClocks(),
        new ClockDefinition
        {
            Name = "asic-idr-response",
            Description = $"ASIC RG 271.103-271.115: an IDR response within {AsicDays(kind)} calendar days of receipt; tell the customer why before the deadline if it cannot be met.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfCalendarDay(AsicDays(kind)),
            Regulatory = true,
        },
    ]);

    /// <summary>
    /// US CFPB company-portal expectations: a response within 15 calendar days, and a final response within 60 calendar
    /// days when the first response said more time was needed.
    /// </summary>
    public static ClockSettings UsCfpb(BusinessCalendar calendar) => new(calendar,
    [
        .. ServiceClocks(),
        new ClockDefinition
        {
            Name = "cfpb-response",
            Description = "CFPB: the company responds within 15 calendar days.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Acknowledged | ClockTriggers.CustomerUpdated | ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfCalendarDay(15),
            Regulatory = true,
        },
        new ClockDefinition
        {
            Name = "cfpb-final-response",
            Description = "CFPB: a final response within 60 calendar days.",
            StartsOn = ClockTriggers.Opened,
            StopsOn = ClockTriggers.Fulfilled,
            Deadline = ClockDeadline.EndOfCalendarDay(60),
            Regulatory = true,
        },
    ]);

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
