using ComplaintFlow.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded SQLite store.</summary>
public static class SqliteComplaintFlowBuilderExtensions
{
    /// <summary>
    /// Keeps cases in a SQLite file, for example <c>Data Source=complaints.db</c>. The schema is created or upgraded on
    /// first use. Every command is one transaction holding the snapshot, its events and its idempotency record.
    /// </summary>
    public static ComplaintFlowBuilder UseSqlite(this ComplaintFlowBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseStore(_ => new SqliteComplaintStore(connectionString));
    }
}
