namespace ComplaintFlow.Events;

/// <summary>An internal note was added.</summary>
/// <param name="Text">The note.</param>
public sealed record NoteAdded(string Text) : ComplaintEventData;
