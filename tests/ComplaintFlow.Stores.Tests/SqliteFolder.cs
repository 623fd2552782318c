using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Stores.Tests;

/// <summary>A test's own folder for SQLite files: deleted with the test, once every pooled connection is closed.</summary>
internal sealed class SqliteFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("complaintflow-").FullName;

    /// <summary>The database file tests use unless they need several.</summary>
    public string Database => System.IO.Path.Combine(Path, "complaints.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
