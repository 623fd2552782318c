using System.Collections.Immutable;

namespace ComplaintFlow;

/// <summary>What a custom step recorded when it was completed.</summary>
/// <param name="StepId">The custom step's id.</param>
/// <param name="Summary">A one-line summary for histories and timelines.</param>
/// <param name="Data">The step's own data as text fields.</param>
/// <param name="CompletedBy">Who completed the step.</param>
/// <param name="CompletedAt">When.</param>
public sealed record StepRecord(string StepId, string Summary, ImmutableSortedDictionary<string, string> Data, Actor CompletedBy, DateTimeOffset CompletedAt);
