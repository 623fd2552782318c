using System.Data.Common;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Events;
using ComplaintFlow.Serialization;

namespace ComplaintFlow.Storage.Sql;

/// <summary>
/// Reads stored values, turning anything that cannot be used (malformed JSON, a BLOB where text belongs, an id that is
/// not a GUID) into a <see cref="ComplaintDataException"/> that names the case or the key, never a provider's cast or
/// format error.
/// </summary>
internal static class StoredDocuments
{
    public static ComplaintCase ReadCase(ComplaintId caseId, object? document, string store) =>
        Read(caseId, document, store, "its snapshot", json => ComplaintJson.DeserializeCase(json));

    public static ComplaintEvent ReadEvent(ComplaintId caseId, object? document, string store) =>
        Read(caseId, document, store, "an event", json => ComplaintJson.DeserializeEvent(json));

    /// <summary>
    /// Reads a SQL store's history rows, each the case's version and one event document (the case row left-joined to
    /// its events in order, so both come from one snapshot), and checks them against that version: a history that
    /// lost its tail numbers 1..n without a gap and is told apart only by the version. Empty when the case has no row.
    /// </summary>
    public static async Task<IReadOnlyList<ComplaintEvent>> ReadHistoryAsync(DbDataReader reader, ComplaintId caseId, string store, CancellationToken cancellationToken)
    {
        var history = new List<ComplaintEvent>();
        long? version = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                history.Add(ReadEvent(caseId, reader.GetValue(1), store));
            }
        }

        return StoredHistory.Verified(caseId, history, version, store);
    }

    /// <summary>Reads a stored case id; a value that is not one names the row by what it holds.</summary>
    public static ComplaintId ReadId(object? stored, string store) =>
        TryReadId(stored, out var id) ? id : throw ComplaintDataException.ForStoredId(Describe(stored), $"it is not a case id (a GUID) in the {store} store.");

    public static bool TryReadId(object? stored, out ComplaintId id)
    {
        switch (stored)
        {
            case Guid guid:
                id = new ComplaintId(guid);
                return true;
            case string text when Guid.TryParseExact(text, "D", out var parsed):
                id = new ComplaintId(parsed);
                return true;
            default:
                id = default;
                return false;
        }
    }

    /// <summary>Reads an idempotency record's case id and result, naming the key when either cannot be used.</summary>
    public static IdempotencyRecord ReadIdempotencyRecord(string key, object? fingerprint, object? caseId, object? result, string store)
    {
        if (fingerprint is not string print || !TryReadId(caseId, out var id))
        {
            throw ComplaintDataException.ForIdempotencyRecord(key, $"its stored case id '{Describe(caseId)}' or fingerprint in the {store} store cannot be used.");
        }

        try
        {
            return new IdempotencyRecord(key, print, id, ReadCase(id, result, store));
        }
        catch (ComplaintDataException exception)
        {
            throw ComplaintDataException.ForIdempotencyRecord(key, $"the result it recorded for case {id} cannot be read ({exception.Problem})", exception);
        }
    }

    public static string Write(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>A stored value as text for messages: the text itself, or what kind of value it is.</summary>
    public static string Describe(object? stored) => stored switch
    {
        null or DBNull => "NULL",
        string text => text,
        byte[] bytes => $"a {bytes.Length}-byte BLOB",
        Guid guid => guid.ToString("D"),
        _ => Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture) ?? stored.GetType().Name,
    };

    private static T Read<T>(ComplaintId caseId, object? document, string store, string what, Func<byte[], T> deserialize)
    {
        if (document is not string text)
        {
            throw new ComplaintDataException(caseId, $"{what} in the {store} store cannot be read: it is stored as {KindOf(document)}, not as JSON text.");
        }

        try
        {
            return deserialize(Encoding.UTF8.GetBytes(text));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ComplaintDataException(caseId, $"{what} in the {store} store cannot be read ({exception.Message}).", exception);
        }
    }

    private static string KindOf(object? stored) => stored switch
    {
        null or DBNull => "NULL",
        byte[] bytes => $"binary data (a {bytes.Length}-byte BLOB)",
        _ => $"a {stored.GetType().Name}",
    };
}
