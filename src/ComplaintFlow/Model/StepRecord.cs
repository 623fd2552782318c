using System.Collections.Immutable;
using System.Text.Json;

namespace ComplaintFlow;

/// <summary>What a custom step recorded when it was completed or sent the case back.</summary>
/// <param name="StepId">The custom step's id.</param>
/// <param name="Summary">A one-line summary for histories and timelines.</param>
/// <param name="Data">The step's own data as text fields.</param>
/// <param name="CompletedBy">Who completed the step.</param>
/// <param name="CompletedAt">When.</param>
public sealed record StepRecord(string StepId, string Summary, ImmutableSortedDictionary<string, string> Data, Actor CompletedBy, DateTimeOffset CompletedAt)
{
    /// <summary>The step's typed input, as JSON written with the step's own type information; read it back with the step's type.</summary>
    public JsonElement? Input { get; init; }

    /// <summary>
    /// The action taken: the step's completing action when it went forward, or the send-back action (for example
    /// <c>decline-legal-review</c>) when it sent the case back.
    /// </summary>
    public string? Action { get; init; }

    /// <summary>
    /// The step the completion or send-back led to. When that step did not apply and was passed over, the history's
    /// <see cref="Events.StepPassedOver"/> event follows and the case's own step says where it landed.
    /// </summary>
    public string? NextStep { get; init; }

    /// <summary>Why the case was sent back (required for a send-back), or the note given with a completion (optional).</summary>
    public string? Reason { get; init; }
}
