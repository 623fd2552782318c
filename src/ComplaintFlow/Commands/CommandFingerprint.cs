using System.Security.Cryptography;
using System.Text.Json;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// A hash of everything a command asks for, and of who asks by their id, so a reused idempotency key can be told apart
/// from a genuine retry. Computed only for commands that carry a key.
/// </summary>
/// <remarks>
/// The actor counts by <see cref="Actor.Id"/> alone: a retry sent after the caller's sign-in was refreshed may carry a
/// new display name, tier, team or roles for the same person, and is still the same request. The first result stands
/// for it, as for any retry; a different person's command under the key is refused as a reuse.
/// </remarks>
internal static class CommandFingerprint
{
    public static string Of(ComplaintCommand command, params ReadOnlySpan<byte> extra) =>
        Hash([.. JsonSerializer.SerializeToUtf8Bytes(command with { Actor = Asker(command.Actor) }, ComplaintJsonContext.Default.ComplaintCommand), .. extra]);

    public static string Of(OpenComplaint command) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(command with { Actor = Asker(command.Actor) }, ComplaintJsonContext.Default.OpenComplaint));

    private static Actor Asker(Actor actor) => new(actor.Id, actor.Id, null);

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
