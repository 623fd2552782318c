namespace ComplaintFlow.CustomPolicies;

/// <summary>Where the app's notifications go: email, SMS, a chat channel. The sample prints them; tests record them.</summary>
public interface INotificationChannel
{
    /// <summary>Sends one message.</summary>
    Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken);
}
