using ComplaintFlow.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>A desk and its reports on one store, with a fake clock the scripts move forward.</summary>
internal sealed class ReportDesk : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ReportDesk(Action<ComplaintFlowBuilder> useStore, Action<ComplaintFlowOptions> options, DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        useStore(services.AddComplaintFlow(options));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Desk = _provider.GetRequiredService<IComplaintDesk>();
        Reports = _provider.GetRequiredService<IComplaintReports>();
    }

    public FakeTimeProvider Time { get; }

    public IComplaintDesk Desk { get; }

    public IComplaintReports Reports { get; }

    /// <summary>Runs timed steps in time order, moving the clock to each.</summary>
    public async Task RunAsync(IEnumerable<(DateTimeOffset At, Func<Task> Step)> script)
    {
        foreach (var (at, step) in script.OrderBy(s => s.At))
        {
            if (at > Time.GetUtcNow())
            {
                Time.SetUtcNow(at);
            }

            await step();
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
