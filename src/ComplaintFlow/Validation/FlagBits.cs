using System.Globalization;

namespace ComplaintFlow.Validation;

/// <summary>Which bits of a flags value no member of its enum has: one definition for commands and options alike.</summary>
internal static class FlagBits
{
    /// <summary>The bits of <paramref name="value"/> that are no member of <typeparamref name="TEnum"/>, or 0.</summary>
    public static long Unknown<TEnum>(TEnum value)
        where TEnum : struct, Enum => Convert.ToInt64(value, CultureInfo.InvariantCulture) & ~Defined<TEnum>.All;

    private static class Defined<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly long All = Enum.GetValues<TEnum>().Aggregate(0L, (all, one) => all | Convert.ToInt64(one, CultureInfo.InvariantCulture));
    }
}
