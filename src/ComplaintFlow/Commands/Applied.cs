using ComplaintFlow.Events;

namespace ComplaintFlow;

/// <summary>A command's effect: the changed case and one or two events (a second for consequences such as closing).</summary>
internal readonly record struct Applied(ComplaintCase Case, ComplaintEventData Event, ComplaintEventData? Then = null)
{
    public int EventCount => Then is null ? 1 : 2;
}
