using ComplaintFlow.Events;
using ComplaintFlow.Outbox;
using ComplaintFlow.Process;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.DependencyInjection;

public sealed class ComplaintFlowServiceCollectionExtensionsTests
{
    [Fact]
    public void AddComplaintFlow_Defaults_ResolveADeskOnTheDefaultProcessAndInMemoryStore()
    {
        using var provider = new ServiceCollection().AddComplaintFlow().Services.BuildServiceProvider(validateScopes: true);

        provider.GetRequiredService<IComplaintDesk>().Process.Should().BeSameAs(ComplaintProcess.Default);
        provider.GetRequiredService<IComplaintStore>().Should().BeOfType<InMemoryComplaintStore>();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddComplaintFlow_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddComplaintFlow().AddEventHandler<RecordingHandler>();
        services.AddComplaintFlow().AddEventHandler<RecordingHandler>();

        services.Count(s => s.ServiceType == typeof(IComplaintDesk)).Should().Be(1);
        services.Count(s => s.ServiceType == typeof(IComplaintStore)).Should().Be(1);
        services.Count(s => s.ServiceType == typeof(IComplaintEventHandler)).Should().Be(1);
        services.Count(s => s.ServiceType == typeof(IValidateOptions<ComplaintFlowOptions>)).Should().Be(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddComplaintFlow_BeforeOrAfterAddLogging_LeavesEveryLoggerWorking(bool complaintFlowFirst)
    {
        var services = new ServiceCollection();
        var sink = new CapturingLoggerProvider();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestDesk.Start);
        services.AddSingleton<TimeProvider>(time);
        if (complaintFlowFirst)
        {
            services.AddComplaintFlow();
        }

        services.AddLogging(logging => logging.AddProvider(sink));
        if (!complaintFlowFirst)
        {
            services.AddComplaintFlow();
        }

        using var provider = services.BuildServiceProvider();
        #pragma warning disable CA1848 // The app's own plain logging call is the point of the test.
        provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ComplaintFlowServiceCollectionExtensionsTests>>().LogWarning("the app's own message");
#pragma warning restore CA1848
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Actors.Agent });
        time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 17, 0, 1, TimeSpan.Zero));
        await desk.RecordDueClocksAsync(c.Id);

        sink.Messages.Should().Contain("the app's own message", "ComplaintFlow must not replace the app's loggers");
        sink.Messages.Should().Contain(m => m.Contains("breached its deadline"), "ComplaintFlow's own logs reach the app's providers");
    }

    private sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }

    [Fact]
    public void AddComplaintFlow_KeepsTheAppsOwnTimeProvider()
    {
        var services = new ServiceCollection();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        services.AddSingleton<TimeProvider>(clock);
        using var provider = services.AddComplaintFlow().Services.BuildServiceProvider();

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(clock);
    }

    [Fact]
    public void ConfigureProcess_ReplacesTheDefaultProcess()
    {
        using var provider = new ServiceCollection().AddComplaintFlow().ConfigureProcess(p => p.Named("lean").Remove(StepIds.Validate)).Services.BuildServiceProvider();

        provider.GetRequiredService<IComplaintDesk>().Process.StepIds.Should().NotContain(StepIds.Validate);
    }

    public static TheoryData<string, Action<ComplaintFlowOptions>, string> BadOptions => new()
    {
        { "no tiers", o => o.Tiers.Clear(), "Tiers is empty" },
        { "nameless tier", o => o.Tiers.Add(new AuthorityTier()), "Tiers[4] has no name" },
        { "duplicate tier", o => o.Tiers.Add(AuthorityTier.WithLimitInMajorCurrencies("agent", 1)), "Tier 'agent' is configured more than once" },
        { "bad currency", o => o.Tiers[0].MoneyLimits["EURO"] = 5, "'EURO', which is not an ISO 4217 currency code" },
        { "negative limit", o => o.Tiers[0].MoneyLimits["GBP"] = -1, "negative limit in GBP" },
        { "unknown minimum tier", o => o.MinimumTierByAction["waive-follow-up"] = "boss", "MinimumTierByAction['waive-follow-up'] is 'boss'" },
        { "unknown escalation tier", o => o.Escalation.RepeatedRejections.Tier = "boss", "Escalation.RepeatedRejections.Tier is 'boss'" },
        { "rejection threshold zero", o => o.Escalation.RepeatedRejections.Threshold = 0, "Threshold is 0; it must be 1 or more" },
        { "repeat threshold one", o => o.Escalation.RepeatComplainant.Threshold = 1, "it must be 2 or more" },
        { "empty repeat window", o => o.Escalation.RepeatComplainant.Window = TimeSpan.Zero, "Window is 00:00:00; it must be positive" },
        { "negative reopen window", o => o.ReopenWindow = TimeSpan.FromDays(-1), "ReopenWindow is -1.00:00:00" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Resolve_InvalidOptions_FailsWithAMessageThatSaysWhatToFix(string problem, Action<ComplaintFlowOptions> configure, string message)
    {
        using var provider = new ServiceCollection().AddComplaintFlow(configure).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IComplaintDesk>();

        act.Should().Throw<OptionsValidationException>(problem).Which.Message.Should().Contain("ComplaintFlow: ").And.Contain(message);
    }

    [Fact]
    public async Task EventHandler_ThatThrows_DoesNotFailTheSavedCommand_AndItsEventWaitsInTheOutbox()
    {
        using var t = new TestDesk(b => b.AddEventHandler<ExplodingHandler>());

        var c = await t.OpenAsync();

        (await t.Desk.GetAsync(c.Id)).Version.Should().Be(c.Version);
        var waiting = await t.Services.GetRequiredService<IComplaintOutbox>().ListAsync(new OutboxQuery { CaseId = c.Id });
        waiting.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, (int)c.Version).Select(i => (long)i), "the failed event and the ones behind it wait, in order");
        waiting[0].Attempts.Should().Be(1);
        waiting[0].LastError.Should().Contain(nameof(ExplodingHandler)).And.Contain("mail server down");
        t.Handled.Events.Select(e => e.Sequence).Should().Equal([1L], "handlers before the failing one saw the first event, and will see it again on retry");
    }

    private sealed class ExplodingHandler : IComplaintEventHandler
    {
        public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("mail server down");
    }
}
