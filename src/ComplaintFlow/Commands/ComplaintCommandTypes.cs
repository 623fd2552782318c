using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ComplaintFlow;

/// <summary>
/// The public command types by their JSON discriminator, read once from the <see cref="JsonDerivedTypeAttribute"/>s on
/// <see cref="ComplaintCommand"/>: the one list a new built-in command is added to.
/// </summary>
internal static class ComplaintCommandTypes
{
    public static FrozenDictionary<string, Type> ByName { get; } = typeof(ComplaintCommand)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType, StringComparer.Ordinal);
}
