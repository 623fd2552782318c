namespace ComplaintFlow.Time;

/// <summary>The business calendar and the clocks every case carries. Start from one of <see cref="ClockPresets"/>.</summary>
public sealed class ClockSettings
{
    /// <summary>Creates settings for a calendar and a set of clocks.</summary>
    public ClockSettings(BusinessCalendar calendar, IEnumerable<ClockDefinition> clocks)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(clocks);
        Calendar = calendar;
        Clocks = [.. clocks];
    }

    /// <summary>The calendar business-time deadlines count on.</summary>
    public BusinessCalendar Calendar { get; set; }

    /// <summary>The clocks; add, remove or replace entries to adjust a preset.</summary>
    public IList<ClockDefinition> Clocks { get; }

    /// <summary>
    /// What the preset requires the firm to send the customer, and when: a final response before close, a delay letter
    /// when it is late, a summary resolution only within its window (see <see cref="Outcomes.CommunicationRule"/>). A
    /// case cannot close while one is missing; the refusal names it.
    /// </summary>
    public IList<Outcomes.CommunicationRule> Communications { get; } = [];

    /// <summary>Where an unhappy customer can take the complaint, for the letters; <see langword="null"/> when the preset names no body.</summary>
    public Outcomes.ReferralRights? Referral { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (Calendar is null)
        {
            yield return "Clocks.Calendar is null; set a business calendar, such as ClockPresets.DefaultCalendar.";
        }

        if (Referral is { } referral)
        {
            if (new[] { referral.Body, referral.Website, referral.Phone, referral.TextKey }.Any(string.IsNullOrWhiteSpace))
            {
                yield return "Clocks.Referral needs a body, a website, a phone number and a text key; the final response letters quote them.";
            }

            if (referral.TimeLimitMonths is < 1 or > 1_200)
            {
                yield return $"Clocks.Referral gives {referral.TimeLimitMonths} months to refer the complaint; use from 1 to 1200 months, such as 6.";
            }
        }

        foreach (var group in Clocks.GroupBy(c => c?.Name).Where(g => g.Count() > 1))
        {
            yield return $"Clocks: '{group.Key}' is configured more than once; clock names must be unique.";
        }

        foreach (var rule in Communications)
        {
            if (rule is null)
            {
                yield return "Clocks.Communications has a null rule.";
            }
            else if (rule.Clock is { } named && !Clocks.Any(c => c?.Name == named))
            {
                yield return $"Clocks.Communications: the rule for {rule.Kind} reads clock '{named}', which is not configured; add it or change the rule.";
            }
        }

        foreach (var clock in Clocks)
        {
            if (clock is null || string.IsNullOrWhiteSpace(clock.Name))
            {
                yield return "Clocks: a clock has no name.";
                continue;
            }

            if (clock.Deadline is null || string.IsNullOrWhiteSpace(clock.Description))
            {
                yield return $"Clocks: '{clock.Name}' needs a deadline and a description.";
                continue;
            }

            if (Validation.FlagBits.Unknown(clock.StartsOn | clock.StopsOn | clock.ResetsOn) is var unknownTriggers and not 0)
            {
                yield return $"Clocks: '{clock.Name}' reacts to triggers that are not defined ({unknownTriggers}); use ClockTriggers values.";
            }

            if (clock.Regulatory && clock.PausesWhileWaitingOnCustomer)
            {
                yield return $"Clocks: '{clock.Name}' is regulatory and pauses; regulators' clocks never pause, so set PausesWhileWaitingOnCustomer = false.";
            }

            if (clock.WarnAt is <= 0 or >= 1 || double.IsNaN(clock.WarnAt))
            {
                yield return $"Clocks: '{clock.Name}' warns at {clock.WarnAt}; use a share between 0 and 1, such as 0.8.";
            }

            // Capped as deadlines are: the warning is the deadline less this, and a longer one carried it back past 1900.
            if (clock.WarnBefore is { } before && (before <= TimeSpan.Zero || before > TimeSpan.FromDays(ClockDeadline.MaxDays)))
            {
                yield return $"Clocks: '{clock.Name}' warns {before} before its deadline; use a positive time of at most ten years ({ClockDeadline.MaxDays} days), such as 2 hours.";
            }

        }
    }
}
