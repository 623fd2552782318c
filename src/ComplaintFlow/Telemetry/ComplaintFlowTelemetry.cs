using System.Diagnostics;
using System.Diagnostics.Metrics;
using ComplaintFlow.Events;

namespace ComplaintFlow.Telemetry;

/// <summary>
/// The names under which ComplaintFlow publishes telemetry: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both called <see cref="Name"/>. Subscribe with OpenTelemetry
/// (<c>AddMeter("ComplaintFlow")</c>, <c>AddSource("ComplaintFlow")</c>) or a <see cref="MeterListener"/>.
/// </summary>
public static class ComplaintFlowTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ComplaintFlow";

    /// <summary>Commands handled, tagged <c>action</c> and <c>outcome</c> (applied, refused, conflict, cancelled, failed).</summary>
    public const string Commands = "complaintflow.commands";

    /// <summary>How long commands took, in seconds, tagged <c>action</c> and <c>outcome</c>.</summary>
    public const string CommandDuration = "complaintflow.command.duration";

    /// <summary>Escalations recorded, tagged <c>cause</c>.</summary>
    public const string Escalations = "complaintflow.escalations";

    /// <summary>Clock warnings recorded, tagged <c>clock</c>.</summary>
    public const string ClockWarnings = "complaintflow.clock.warnings";

    /// <summary>Clock breaches recorded, tagged <c>clock</c> and <c>regulatory</c>.</summary>
    public const string ClockBreaches = "complaintflow.clock.breaches";

    /// <summary>From receipt to acknowledgement, in hours (PR-01).</summary>
    public const string TimeToAcknowledge = "complaintflow.time_to_acknowledge";

    /// <summary>From receipt to the remedy being fulfilled, in hours (PR-12).</summary>
    public const string TimeToResolve = "complaintflow.time_to_resolve";

    /// <summary>Follow-ups recorded, tagged <c>satisfied</c> (PR-14).</summary>
    public const string FollowUps = "complaintflow.follow_ups";

    /// <summary>Polls of a hosted worker that failed (a store outage, say), tagged <c>worker</c>.</summary>
    public const string WorkerPollFailures = "complaintflow.worker.poll_failures";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> CommandCount = Meter.CreateCounter<long>(Commands, "{command}", "Commands handled by the desk.");
    private static readonly Histogram<double> CommandSeconds = Meter.CreateHistogram<double>(CommandDuration, "s", "Time to handle one command, store included.");
    private static readonly Counter<long> EscalationCount = Meter.CreateCounter<long>(Escalations, "{escalation}", "Escalations recorded.");
    private static readonly Counter<long> WarningCount = Meter.CreateCounter<long>(ClockWarnings, "{warning}", "Clock warnings recorded.");
    private static readonly Counter<long> BreachCount = Meter.CreateCounter<long>(ClockBreaches, "{breach}", "Clock breaches recorded.");
    private static readonly Histogram<double> AcknowledgeHours = Meter.CreateHistogram<double>(TimeToAcknowledge, "h", "Hours from receipt to acknowledgement.");
    private static readonly Histogram<double> ResolveHours = Meter.CreateHistogram<double>(TimeToResolve, "h", "Hours from receipt to fulfilment of the agreed remedy.");
    private static readonly Counter<long> WorkerFailureCount = Meter.CreateCounter<long>(WorkerPollFailures, "{failure}", "Failed polls of the hosted workers; each is followed by a back-off.");
    private static readonly Counter<long> FollowUpCount = Meter.CreateCounter<long>(FollowUps, "{follow-up}", "Follow-ups recorded, by whether the customer was satisfied.");

    /// <summary>
    /// Whether anyone listens to the command instruments or activities. When nobody does, the desk skips the
    /// measuring wrapper altogether; a listener that attaches later is seen on the next command.
    /// </summary>
    internal static bool CommandsObserved => CommandCount.Enabled || CommandSeconds.Enabled || Source.HasListeners();

    internal static Activity? StartCommand(string action, ComplaintId? caseId)
    {
        var activity = Source.StartActivity("complaintflow.command " + action, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("complaintflow.action", action);
            if (caseId is { } id)
            {
                activity.SetTag("complaintflow.case_id", id.ToString());
            }
        }

        return activity;
    }

    internal static void Completed(Activity? activity, string action, string outcome, long startedAt)
    {
        var tags = new TagList { { "action", action }, { "outcome", outcome } };
        CommandCount.Add(1, tags);
        CommandSeconds.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag("complaintflow.outcome", outcome);
            if (outcome is not ("applied" or "cancelled"))
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    internal static void WorkerPollFailed(string worker) => WorkerFailureCount.Add(1, new KeyValuePair<string, object?>("worker", worker));

    /// <summary>Counts what the saved events say happened.</summary>
    internal static void Saved(ComplaintCase complaint, IReadOnlyList<ComplaintEvent> events)
    {
        // By index: this runs after every save, and an interface enumerator would allocate each time.
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Data)
            {
                case ComplaintEscalated escalated:
                    EscalationCount.Add(1, new KeyValuePair<string, object?>("cause", escalated.Cause));
                    break;
                case ClockWarned warned:
                    WarningCount.Add(1, new KeyValuePair<string, object?>("clock", warned.Name));
                    break;
                case ClockBreached breached:
                    BreachCount.Add(1, new KeyValuePair<string, object?>("clock", breached.Name), new KeyValuePair<string, object?>("regulatory", breached.Regulatory));
                    break;
                case ComplaintAcknowledged:
                    AcknowledgeHours.Record((e.OccurredAt - complaint.ReceivedAt).TotalHours);
                    break;
                case FulfilmentRecorded:
                    ResolveHours.Record((e.OccurredAt - complaint.ReceivedAt).TotalHours);
                    break;
                case FollowUpRecorded followUp:
                    FollowUpCount.Add(1, new KeyValuePair<string, object?>("satisfied", followUp.Satisfied));
                    break;
            }
        }
    }
}
