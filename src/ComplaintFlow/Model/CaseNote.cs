namespace ComplaintFlow;

/// <summary>An internal note on a case, never shown to the customer.</summary>
/// <param name="Text">The note.</param>
/// <param name="WrittenBy">Who wrote it.</param>
/// <param name="WrittenAt">When.</param>
public sealed record CaseNote(string Text, Actor WrittenBy, DateTimeOffset WrittenAt);
