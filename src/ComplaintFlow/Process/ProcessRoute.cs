using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>
/// One way out of a state: the trigger, where it leads and what must hold. A route whose destination is its source
/// keeps the case in its step (a note, a statement). Routes from <see cref="StepIds.Open"/> apply in every open step.
/// </summary>
internal sealed record ProcessRoute(string From, string Trigger, string To, ImmutableArray<RouteGuard> Guards)
{
    public bool Stays => From == To;
}
