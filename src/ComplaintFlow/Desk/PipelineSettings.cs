using System.Globalization;
using ComplaintFlow.Process;
using ComplaintFlow.Time;

namespace ComplaintFlow;

/// <summary>The settings the decision pipeline reads on every change, taken from the options once.</summary>
internal sealed class PipelineSettings(ComplaintFlowOptions options, string juniorTier)
{
    public int MaxUnansweredFollowUps { get; } = options.MaxUnansweredFollowUps;

    public bool DispatchAfterCommand { get; } = options.Outbox.DispatchAfterCommand;

    public BusinessCalendar Calendar { get; } = options.Clocks.Calendar;

    public TimeSpan ReopenWindow { get; } = options.ReopenWindow;

    public string JuniorTier { get; } = juniorTier;

    public CultureInfo DefaultCustomerCulture { get; } = options.DefaultCustomerCulture;

    public Outcomes.CaseEndRules Ends { get; } = new(options);

    public GuardContext GuardAt(DateTimeOffset now) => new(now, ReopenWindow, JuniorTier, Ends, MaxUnansweredFollowUps);

    /// <summary>The culture of the case's customer, for customer-facing texts; the default when the case names none.</summary>
    public CultureInfo CultureOf(ComplaintCase complaint) =>
        complaint.CustomerLanguage is { } tag ? CultureInfo.GetCultureInfo(tag) : DefaultCustomerCulture;
}
