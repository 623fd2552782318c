namespace ComplaintFlow.Storage;

/// <summary>What a store declares about itself, so the desk can make use of it without knowing the store's type.</summary>
[Flags]
public enum StoreCapabilities
{
    /// <summary>Nothing special: reads go to the database.</summary>
    None = 0,

    /// <summary>
    /// Reading a case costs no more than a lookup in memory, so the desk does not keep copies of the cases it saved
    /// to save a read (the in-memory store declares it).
    /// </summary>
    CheapReads = 1,
}
