using System.Collections.Immutable;

namespace ComplaintFlow.Events;

/// <summary>The categories changed (PR-20).</summary>
/// <param name="Categories">The new categories.</param>
public sealed record CategoriesChanged(ImmutableArray<string> Categories) : ComplaintEventData;
