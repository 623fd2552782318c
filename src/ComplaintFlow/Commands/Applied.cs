using ComplaintFlow.Events;

namespace ComplaintFlow;

/// <summary>
/// What a command did: up to two events (a second for consequences such as closing); its changes to the case are
/// written to the change's <see cref="CaseDraft"/>. A change with no event (due clocks, before the clocks speak) leaves
/// the case as it was.
/// </summary>
internal readonly record struct Applied(ComplaintEventData? Event, ComplaintEventData? Then = null)
{
    public int EventCount => Event is null ? 0 : Then is null ? 1 : 2;
}
