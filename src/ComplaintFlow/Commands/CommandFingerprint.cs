using System.Security.Cryptography;
using System.Text.Json;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// A hash of everything a command says, so a reused idempotency key can be told apart from a genuine retry.
/// Computed only for commands that carry a key.
/// </summary>
internal static class CommandFingerprint
{
    public static string Of(ComplaintCommand command, params ReadOnlySpan<byte> extra) =>
        Hash([.. JsonSerializer.SerializeToUtf8Bytes(command, ComplaintJsonContext.Default.ComplaintCommand), .. extra]);

    public static string Of(OpenComplaint command) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(command, ComplaintJsonContext.Default.OpenComplaint));

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
