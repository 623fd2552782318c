using ComplaintFlow.Events;

namespace ComplaintFlow;

/// <summary>
/// A command's effect: the changed case and up to two events (a second for consequences such as closing). A change
/// with no event (due clocks, before the clocks speak) leaves the case as it was.
/// </summary>
internal readonly record struct Applied(ComplaintCase Case, ComplaintEventData? Event, ComplaintEventData? Then = null)
{
    public int EventCount => Event is null ? 0 : Then is null ? 1 : 2;
}
