using System.Text.Json.Serialization;
using ComplaintFlow.Serialization;

namespace ComplaintFlow;

/// <summary>
/// Identifies one complaint case. Ids are version 7 GUIDs, so they sort by the millisecond the case was opened (cases
/// opened within the same millisecond sort in no particular order).
/// </summary>
[JsonConverter(typeof(ComplaintIdJsonConverter))]
public readonly record struct ComplaintId : IComparable<ComplaintId>
{
    /// <summary>Wraps an existing GUID.</summary>
    /// <param name="value">The GUID; <see cref="Guid.Empty"/> is allowed only to represent "no id".</param>
    public ComplaintId(Guid value) => Value = value;

    /// <summary>The underlying GUID.</summary>
    public Guid Value { get; }

    /// <summary>True when this is the empty id, which never names a case.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a new time-ordered id using the given clock.</summary>
    /// <param name="timeProvider">The clock whose current time is embedded in the id.</param>
    public static ComplaintId New(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new ComplaintId(Version7(timeProvider.GetUtcNow()));
    }

    /// <summary>Parses the canonical text form produced by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a GUID.</exception>
    public static ComplaintId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ComplaintId(Guid.Parse(text, null));
    }

    /// <summary>Tries to parse the canonical text form.</summary>
    public static bool TryParse(string? text, out ComplaintId id)
    {
        if (Guid.TryParse(text, out var guid))
        {
            id = new ComplaintId(guid);
            return true;
        }

        id = default;
        return false;
    }

    // Random bytes drawn from the system's secure generator a few hundred at a time: a draw per id costs a system call.
    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _used;

    /// <summary>An RFC 9562 version 7 GUID: 48 bits of Unix milliseconds, then 74 random bits.</summary>
    private static Guid Version7(DateTimeOffset at)
    {
        const int Needed = 10;
        var random = _random ??= new byte[512];
        if (_used == 0 || _used + Needed > random.Length)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(random);
            _used = 0;
        }

        var r = random.AsSpan(_used, Needed);
        _used += Needed;
        var ms = at.ToUnixTimeMilliseconds();
        return new Guid(
            (int)(ms >> 16),
            (short)ms,
            (short)(0x7000 | ((r[0] << 8 | r[1]) & 0x0FFF)),
            (byte)(0x80 | (r[2] & 0x3F)),
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9]);
    }

    /// <inheritdoc />
    public int CompareTo(ComplaintId other) => Value.CompareTo(other.Value);

    /// <summary>The id as a lower-case GUID with hyphens.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <(ComplaintId left, ComplaintId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >(ComplaintId left, ComplaintId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <=(ComplaintId left, ComplaintId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >=(ComplaintId left, ComplaintId right) => left.CompareTo(right) >= 0;
}
