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
        var flow = services.AddComplaintFlow(o => o.Clocks = ClockPresets.UkFcaDisp(London)).AddDeadlineWorker().AddEventHandler<NotificationPrinter>();
        if (!options.InMemory)
        {
            flow.UseSqlite($"Data Source={options.DatabasePath}");
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Desk = _services.GetRequiredService<IComplaintDesk>();
        Deadlines = _services.GetRequiredService<DeadlineWorker>();
        StoreDescription = options.InMemory ? "in memory (nothing is saved)" : $"SQLite file {Path.GetFullPath(options.DatabasePath!)}";
    }

    private static readonly BusinessCalendar London = BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build();

    public SimulatedClock Clock { get; } = new();

    public IComplaintDesk Desk { get; }

    /// <summary>Run by hand after the clock moves, so the demo shows at once what the hosted worker would record.</summary>
    public DeadlineWorker Deadlines { get; }

    public string StoreDescription { get; }

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
