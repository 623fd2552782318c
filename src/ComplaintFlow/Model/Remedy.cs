namespace ComplaintFlow;

/// <summary>One part of a proposed resolution (PR-06, PR-16, PR-17).</summary>
/// <param name="Kind">What kind of remedy it is.</param>
/// <param name="Description">What exactly will be done, in words the customer understands.</param>
/// <param name="Amount">The money involved, for refunds, credits, discounts and goodwill; <see langword="null"/> otherwise.</param>
public sealed record Remedy(RemedyKind Kind, string Description, Money? Amount = null);
