using System.Text;
using System.Text.Json;
using ComplaintFlow.Events;
using ComplaintFlow.Serialization;

namespace ComplaintFlow.Storage.Sql;

/// <summary>Reads stored JSON, turning unreadable data into a <see cref="ComplaintDataException"/> that names the case.</summary>
internal static class StoredDocuments
{
    public static ComplaintCase ReadCase(ComplaintId caseId, string document, string store) =>
        Read(caseId, document, store, "its snapshot", json => ComplaintJson.DeserializeCase(json));

    public static ComplaintEvent ReadEvent(ComplaintId caseId, string document, string store) =>
        Read(caseId, document, store, "an event", json => ComplaintJson.DeserializeEvent(json));

    public static string Write(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static T Read<T>(ComplaintId caseId, string document, string store, string what, Func<byte[], T> deserialize)
    {
        try
        {
            return deserialize(Encoding.UTF8.GetBytes(document));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or FormatException)
        {
            throw new ComplaintDataException(caseId, $"{what} in the {store} store cannot be read ({exception.Message}).", exception);
        }
    }
}
