namespace ComplaintFlow.CustomPolicies;

/// <summary>"Sends" by printing: the sample's stand-in for a mail or chat gateway.</summary>
public sealed class ConsoleNotificationChannel : INotificationChannel
{
    /// <inheritdoc />
    public Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  -> to {recipient}: {subject}\n     {body}");
        return Task.CompletedTask;
    }
}
