using ComplaintFlow.Events;

namespace ComplaintFlow;

/// <summary>The escalation the desk will record: the winning policy's request, as the event that applies it.</summary>
internal sealed record EscalationDecision(ComplaintEscalated Event);
