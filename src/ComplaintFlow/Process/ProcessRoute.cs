using System.Collections.Immutable;

namespace ComplaintFlow.Process;

/// <summary>
/// One way out of a state: the trigger, where it leads and what must hold. A route whose destination is its source
/// keeps the case in its step (a note, a statement). Routes from <see cref="StepIds.Open"/> apply in every open step.
/// </summary>
/// <param name="From">The state the route leaves, or <see cref="StepIds.Open"/> for every open step.</param>
/// <param name="Trigger">The trigger that takes it.</param>
/// <param name="To">Where it leads.</param>
/// <param name="Guards">What must hold.</param>
/// <param name="OwnedByStep">True for the step's own actions (forward, send-back, staying), which its performers take; false for actions open in every step.</param>
internal sealed record ProcessRoute(string From, string Trigger, string To, ImmutableArray<RouteGuard> Guards, bool OwnedByStep = true)
{
    public bool Stays => From == To;
}
