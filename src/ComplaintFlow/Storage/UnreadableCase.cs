namespace ComplaintFlow.Storage;

/// <summary>A stored case row that a listing or a claim could not use, and why.</summary>
/// <param name="Id">The row's id as stored (it may not even be a valid case id).</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record UnreadableCase(string Id, string Reason);
