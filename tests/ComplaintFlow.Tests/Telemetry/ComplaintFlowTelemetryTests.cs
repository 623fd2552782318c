using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ComplaintFlow.Process;
using ComplaintFlow.Telemetry;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Tests.Telemetry;

[Collection(nameof(ProcessWideTelemetry))]
public sealed class ComplaintFlowTelemetryTests : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ComplaintFlowTelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ComplaintFlowTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, i.Unit, v, ToDictionary(tags))));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, i.Unit, v, ToDictionary(tags))));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ComplaintFlowTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    [Fact]
    public async Task WorkerPollFailures_AreCountedByWorker()
    {
        var store = new OutageStore(new Storage.InMemoryComplaintStore());
        using var t = new TestDesk(b => b.UseStore(_ => store).AddDeadlineWorker(o => o.FailureBackoff.Jitter = 0));
        var worker = t.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ComplaintFlow.Time.DeadlineWorker>().Single();
        store.FailNext(claims: 2, finds: 0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await worker.StartAsync(cancel.Token);
        while (store.ClaimAttempts < 3)
        {
            t.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, cancel.Token);
        }

        await worker.StopAsync(CancellationToken.None);
        Sum(ComplaintFlowTelemetry.WorkerPollFailures, ("worker", "deadline-worker")).Should().Be(2);
        worker.Status.ConsecutiveFailures.Should().Be(0, "the third poll succeeded");
    }

    [Fact]
    public async Task AStory_IsCounted_ByActionOutcomeCauseAndClock_WithUnits()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        t.Time.Advance(TimeSpan.FromHours(2));
        c = await t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent });
        var refused = () => t.Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Actors.Agent, Text = " " }).AsTask();
        await refused.Should().ThrowAsync<ComplaintValidationException>();
        var stale = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "late", ExpectedVersion = 1 }).AsTask();
        await stale.Should().ThrowAsync<ComplaintConcurrencyException>();
        c = await t.Desk.DriveToAsync(c, StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Credit, Details = "Something for the trouble" });
        c = await t.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [CaseDriver.Credit(400m)], Explanation = "Too generous for an agent" });
        t.Time.Advance(TimeSpan.FromHours(1));
        c = await t.Desk.DriveToAsync(c, StepIds.Closed, Actors.Supervisor);

        Sum(ComplaintFlowTelemetry.Commands, ("action", "open"), ("outcome", "applied")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Commands, ("action", "record-statement"), ("outcome", "refused")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Commands, ("action", "add-note"), ("outcome", "conflict")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Escalations, ("cause", "remedy-beyond-authority:supervisor")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.FollowUps, ("satisfied", true)).Should().Be(1);
        Values(ComplaintFlowTelemetry.TimeToAcknowledge).Should().Equal([2.0], "acknowledged two hours after receipt (PR-01)");
        Values(ComplaintFlowTelemetry.TimeToResolve).Should().Equal([3.0], "the supervisor fulfilled it three hours after receipt (PR-12)");
        Values(ComplaintFlowTelemetry.CommandDuration).Should().HaveCount(_measurements.Count(m => m.Instrument == ComplaintFlowTelemetry.Commands)).And.OnlyContain(s => s >= 0);
        _measurements.Where(m => m.Instrument == ComplaintFlowTelemetry.CommandDuration).Should().OnlyContain(m => m.Unit == "s");
        _measurements.Where(m => m.Instrument == ComplaintFlowTelemetry.TimeToAcknowledge).Should().OnlyContain(m => m.Unit == "h");
    }

    [Fact]
    public async Task ABreach_IsCountedByClock_AndEveryCommandHasAnActivity()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        t.Time.Advance(TimeSpan.FromDays(3));
        await t.Desk.RecordDueClocksAsync(c.Id);
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Supervisor, Text = "Picked up after the breach" });

        Sum(ComplaintFlowTelemetry.ClockBreaches, ("clock", "acknowledge"), ("regulatory", false)).Should().Be(1);
        Sum(ComplaintFlowTelemetry.ClockWarnings, ("clock", "acknowledge")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Escalations, ("cause", "clock-breach:acknowledge")).Should().Be(1);
        var commands = _stopped.Where(a => a.OperationName.StartsWith("complaintflow.command ", StringComparison.Ordinal)).ToList();
        commands.Select(a => a.GetTagItem("complaintflow.action")).Should().Equal(["open", "record-due-clocks", "add-note"], "recording due clocks is a change like any other, through the same pipeline");
        commands.Should().OnlyContain(a => (string?)a.GetTagItem("complaintflow.case_id") == c.Id.ToString() && (string?)a.GetTagItem("complaintflow.outcome") == "applied");
    }

    [Fact]
    public async Task ACommandTheStoreFailed_IsCountedAsFailed_NotAsRefused()
    {
        // A store outage was counted with the refusals (every library exception was), so the failure rate alerts are
        // set on stayed flat through an outage.
        var store = new SavesFailDuringAnOutage(new Storage.InMemoryComplaintStore());
        using var t = new TestDesk(b => b.UseStore(_ => store));
        var c = await t.OpenAsync();
        store.Down = true;

        var note = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "during the outage" }).AsTask();

        await note.Should().ThrowAsync<ComplaintStoreException>();
        Sum(ComplaintFlowTelemetry.Commands, ("action", "add-note"), ("outcome", "failed")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Commands, ("action", "add-note"), ("outcome", "refused")).Should().Be(0);
    }

    [Fact]
    public async Task ACommandItsCallerCancelled_IsCountedAsCancelled_NotAsAFailure()
    {
        // A client that disconnects is not an outage: counted as failed, it set off failure-rate alerts.
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        var note = () => t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "never sent" }, gone.Token).AsTask();

        await note.Should().ThrowAsync<OperationCanceledException>();
        Sum(ComplaintFlowTelemetry.Commands, ("action", "add-note"), ("outcome", "cancelled")).Should().Be(1);
        Sum(ComplaintFlowTelemetry.Commands, ("action", "add-note"), ("outcome", "failed")).Should().Be(0);
        _stopped.Single(a => (string?)a.GetTagItem("complaintflow.action") == "add-note").Status.Should().NotBe(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task ACommandWhoseCallerGoesAwayWhileItsEventsAreDelivered_IsSaved_AndLogsNoDeliveryFailure()
    {
        using var gone = new CancellationTokenSource();
        var logs = new LogSink();
        using var t = new TestDesk(b =>
        {
            b.Services.AddSingleton<Events.IComplaintEventHandler>(new CancelsItsCaller(gone));
            b.Services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        });
        var c = await t.OpenAsync();
        await gone.CancelAsync();
        using var caller = new CancellationTokenSource();
        var handler = t.Services.GetServices<Events.IComplaintEventHandler>().OfType<CancelsItsCaller>().Single();
        handler.Caller = caller;

        var noted = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "saved before the caller left" }, caller.Token);

        noted.Version.Should().Be(c.Version + 1, "the change was saved; only its delivery was cut short");
        logs.Entries.Should().NotContain(e => e.EventId == 1010, "a caller going away is not a delivery failure");
        logs.Entries.Should().Contain(e => e.EventId == 1015 && e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
    }

    private sealed class SavesFailDuringAnOutage(Storage.IComplaintStore inner) : DelegatingStore(inner)
    {
        public bool Down { get; set; }

        public override ValueTask SaveAsync(Storage.ComplaintChange change, CancellationToken cancellationToken = default) =>
            Down ? throw new ComplaintStoreException("test", "the database cannot be reached", isTransient: true) : base.SaveAsync(change, cancellationToken);
    }

    /// <summary>Cancels the caller's token while handling, as an aborted HTTP request does, then sees it cancelled.</summary>
    private sealed class CancelsItsCaller(CancellationTokenSource opened) : Events.IComplaintEventHandler
    {
        public CancellationTokenSource? Caller { get; set; }

        public async ValueTask HandleAsync(Events.ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
        {
            if (Caller is { } caller && opened.IsCancellationRequested)
            {
                await caller.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private sealed class LogSink : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public ConcurrentQueue<(int EventId, Microsoft.Extensions.Logging.LogLevel Level)> Entries { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(int, Microsoft.Extensions.Logging.LogLevel)> entries) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((eventId.Id, logLevel));
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }

    private double Sum(string instrument, params (string Key, object Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(m => m.Value);

    private IEnumerable<double> Values(string instrument) => _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value);
}
