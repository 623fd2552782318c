namespace ComplaintFlow.Storage;

/// <summary>What a command with an idempotency key did, so a retry can get the same answer without applying twice.</summary>
/// <param name="Key">The key the app sent.</param>
/// <param name="Fingerprint">A hash of the command, to detect the key being reused for a different command.</param>
/// <param name="CaseId">The case the command changed.</param>
/// <param name="Result">The snapshot the command returned.</param>
public sealed record IdempotencyRecord(string Key, string Fingerprint, ComplaintId CaseId, ComplaintCase Result);
