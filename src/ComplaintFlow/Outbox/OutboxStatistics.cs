namespace ComplaintFlow.Outbox;

/// <summary>How much is waiting in the outbox, for health checks and dashboards.</summary>
/// <param name="Waiting">Entries not yet delivered, parked ones included.</param>
/// <param name="Parked">Entries parked after repeated failures, waiting for a re-drive.</param>
/// <param name="OldestWaitingSince">When the oldest undelivered event happened; <see langword="null"/> when nothing waits.</param>
public sealed record OutboxStatistics(int Waiting, int Parked, DateTimeOffset? OldestWaitingSince);
