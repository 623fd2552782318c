namespace ComplaintFlow.Storage;

/// <summary>What a store says about itself when a health check asks.</summary>
/// <param name="Store">The store's name, for example <c>SQLite</c>.</param>
/// <param name="SchemaVersion">The schema version the database holds; <see langword="null"/> for stores without a schema.</param>
/// <param name="ExpectedSchemaVersion">The schema version this library writes; <see langword="null"/> for stores without a schema.</param>
public sealed record StoreHealth(string Store, int? SchemaVersion, int? ExpectedSchemaVersion)
{
    /// <summary>True when the database's schema is the one this library writes, or the store has none.</summary>
    public bool SchemaIsCurrent => SchemaVersion == ExpectedSchemaVersion;
}
