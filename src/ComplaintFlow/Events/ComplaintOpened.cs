using System.Collections.Immutable;

namespace ComplaintFlow.Events;

/// <summary>The case was opened (PR-23).</summary>
/// <param name="CustomerRef">The customer.</param>
/// <param name="Channel">Where the complaint arrived.</param>
/// <param name="Summary">A one-line summary.</param>
/// <param name="ReceivedAt">When the company received it.</param>
/// <param name="Severity">Initial severity.</param>
/// <param name="Flags">Initial flags.</param>
/// <param name="Categories">Initial categories.</param>
/// <param name="Proactive">True when the company opened it itself (PR-15).</param>
public sealed record ComplaintOpened(string CustomerRef, Channel Channel, string Summary, DateTimeOffset ReceivedAt, Severity Severity, ComplaintFlags Flags, ImmutableArray<string> Categories, bool Proactive) : ComplaintEventData;
