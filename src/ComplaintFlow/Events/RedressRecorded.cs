using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Events;

/// <summary>Something was paid or done for the customer (PR-17).</summary>
/// <param name="Entry">What, how much, and the app's reference.</param>
/// <param name="ShortfallReason">Why less than agreed is paid, when that was said with this entry.</param>
public sealed record RedressRecorded(RedressEntry Entry, string? ShortfallReason) : ComplaintEventData;
