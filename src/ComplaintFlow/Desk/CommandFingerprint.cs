using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Process;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// A hash of everything a command says, so a reused idempotency key can be told apart from a genuine retry.
/// Computed only for commands that carry a key.
/// </summary>
internal static class CommandFingerprint
{
    public static string Of(ComplaintCommand command, ComplaintProcess process)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(command, ComplaintJsonContext.Default.ComplaintCommand);
        var extra = command is CompleteStep complete ? Encoding.UTF8.GetBytes(complete.DescribeInput(process)) : [];
        return Hash([.. json, .. extra]);
    }

    public static string Of(OpenComplaint command) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(command, ComplaintJsonContext.Default.OpenComplaint));

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
