using ComplaintFlow.Events;

namespace ComplaintFlow.Testing;

/// <summary>What a <see cref="ComplaintStory"/> left: the case and its history.</summary>
/// <param name="Case">The case after the last line.</param>
/// <param name="History">Every event of the case, in order.</param>
public sealed record ToldStory(ComplaintCase Case, IReadOnlyList<ComplaintEvent> History);
