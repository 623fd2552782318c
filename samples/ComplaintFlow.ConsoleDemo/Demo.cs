using ComplaintFlow.Outcomes;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>ComplaintFlow wired as an app would wire it: the desk, the store of choice, the deadline worker, a simulated clock.</summary>
internal sealed class Demo : IDisposable
{
    private readonly ServiceProvider _services;

    public Demo(DemoOptions options, IAnsiConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddSingleton<TimeProvider>(Clock);
        // A UK firm: the FCA preset on a London calendar, so the stories show its rules for the end of a complaint.
        var flow = services.AddComplaintFlow(o =>
        {
            o.Clocks = ClockPresets.UkFcaDisp(London);

            // The codes outcomes name, mapped to the FCA return's groups so the report's return has rows to show.
            o.Outcomes.Products.Add(new OutcomeCode("store-card", "Store card purchases", OutcomeTaxonomies.FcaProductGroups[0]));
            o.Outcomes.RootCauses.Add(new OutcomeCode("late-delivery", "Late delivery", OutcomeTaxonomies.FcaCauseGroups[3]));
            o.Outcomes.RootCauses.Add(new OutcomeCode("faulty-goods", "Faulty goods", OutcomeTaxonomies.FcaCauseGroups[4]));
            o.Outcomes.RootCauses.Add(new OutcomeCode("fee-dispute", "Disputed fee", OutcomeTaxonomies.FcaCauseGroups[2]));
        }).AddDeadlineWorker().AddEventHandler<NotificationPrinter>();
        if (!options.InMemory)
        {
            flow.UseSqlite($"Data Source={options.DatabasePath}");
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Desk = _services.GetRequiredService<IComplaintDesk>();
        Deadlines = _services.GetRequiredService<DeadlineWorker>();
        Reports = _services.GetRequiredService<ComplaintFlow.Reports.IComplaintReports>();
        SessionStart = Clock.GetUtcNow();
        StoreDescription = options.InMemory ? "in memory (nothing is saved)" : $"SQLite file {Path.GetFullPath(options.DatabasePath!)}";
    }

    private static readonly BusinessCalendar London = BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    public SimulatedClock Clock { get; } = new();

    public IComplaintDesk Desk { get; }

    /// <summary>Run by hand after the clock moves, so the demo shows at once what the hosted worker would record.</summary>
    public DeadlineWorker Deadlines { get; }

    public string StoreDescription { get; }

    public ComplaintFlow.Reports.IComplaintReports Reports { get; }

    /// <summary>When this session began: its reports start here, leaving out earlier sessions' cases in the same file.</summary>
    public DateTimeOffset SessionStart { get; }

    /// <summary>The period of this session's report: from its start to the simulated now.</summary>
    public ComplaintFlow.Reports.ReportPeriod SessionPeriod => new(SessionStart, Clock.GetUtcNow().AddSeconds(1));

    /// <summary>Winds the clock on and records whatever fell due: warnings, breaches and the escalations they cause.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        while (await Deadlines.RunOnceAsync() > 0)
        {
        }
    }

    public void Dispose() => _services.Dispose();
}
