namespace ComplaintFlow.Events;

/// <summary>The severity changed (PR-19).</summary>
/// <param name="From">The old severity.</param>
/// <param name="To">The new severity.</param>
public sealed record SeverityChanged(Severity From, Severity To) : ComplaintEventData;
