using ComplaintFlow.Events;
using ComplaintFlow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Support;

/// <summary>A desk on the in-memory store with a fake clock, built through the public DI entry point.</summary>
internal sealed class TestDesk : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public TestDesk(Action<ComplaintFlowBuilder>? configure = null, Action<ComplaintFlowOptions>? options = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        var builder = services.AddComplaintFlow(options);
        builder.AddEventHandler<RecordingHandler>();
        configure?.Invoke(builder);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Desk = _provider.GetRequiredService<IComplaintDesk>();
        Store = _provider.GetRequiredService<IComplaintStore>();
        Handled = (RecordingHandler)_provider.GetServices<IComplaintEventHandler>().First(h => h is RecordingHandler);
    }

    public FakeTimeProvider Time { get; }

    public IComplaintDesk Desk { get; }

    public IServiceProvider Services => _provider;

    public IComplaintStore Store { get; }

    public RecordingHandler Handled { get; }

    public ValueTask<ComplaintCase> OpenAsync(Actor? actor = null, string customer = "cust-42") =>
        Desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Parcel arrived two weeks late", Channel = Channel.Email, Actor = actor ?? Actors.Agent });

    /// <summary>The stored case and history as JSON, to prove a refused command changed nothing.</summary>
    public async Task<string> StoredStateAsync(ComplaintId id)
    {
        var found = await Store.FindAsync(id);
        var history = await Store.GetHistoryAsync(id);
        var caseJson = found is null ? "null" : System.Text.Encoding.UTF8.GetString(ComplaintFlow.Serialization.ComplaintJson.SerializeCase(found));
        return caseJson + "\n" + string.Join("\n", history.Select(e => System.Text.Encoding.UTF8.GetString(ComplaintFlow.Serialization.ComplaintJson.SerializeEvent(e))));
    }

    public void Dispose() => _provider.Dispose();
}
