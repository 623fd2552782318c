using System.Collections.Concurrent;
using ComplaintFlow.CustomPolicies;

namespace ComplaintFlow.Samples.Tests;

/// <summary>The app's side of the notification hook, faked: remembers every message instead of sending it.</summary>
internal sealed class RecordingChannel : INotificationChannel
{
    public ConcurrentQueue<(string Recipient, string Subject, string Body)> Sent { get; } = new();

    public Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        Sent.Enqueue((recipient, subject, body));
        return Task.CompletedTask;
    }
}
