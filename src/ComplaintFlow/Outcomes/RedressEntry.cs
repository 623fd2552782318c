namespace ComplaintFlow.Outcomes;

/// <summary>One thing actually paid or done for the customer, recorded at fulfilment or later (PR-17).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Amount">What was paid; <see langword="null"/> for <see cref="RedressKind.RemedialAction"/>.</param>
/// <param name="Description">What was paid or done, in words.</param>
/// <param name="Reference">The app's reference (a payment id, a ticket).</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
public sealed record RedressEntry(RedressKind Kind, Money? Amount, string Description, string? Reference, Actor RecordedBy, DateTimeOffset RecordedAt);
