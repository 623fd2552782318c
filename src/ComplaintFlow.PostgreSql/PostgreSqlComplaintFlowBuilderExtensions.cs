using ComplaintFlow.PostgreSql;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL store, for apps that run on several machines against one database.</summary>
public static class PostgreSqlComplaintFlowBuilderExtensions
{
    /// <summary>
    /// Keeps cases in PostgreSQL; the schema is created or upgraded on first use. Unless the connection string says
    /// otherwise, the store's statements are prepared automatically (<c>Max Auto Prepare=32</c>): every command runs the
    /// same few statements, and preparing them saves the server parsing and planning each one again.
    /// </summary>
    public static ComplaintFlowBuilder UsePostgreSql(this ComplaintFlowBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 32;
        }

        var configured = settings.ConnectionString;
        return builder.UseStore(_ => new PostgreSqlComplaintStore(NpgsqlDataSource.Create(configured), ownsDataSource: true));
    }

    /// <summary>Keeps cases in PostgreSQL through the app's own data source, which the app keeps and disposes.</summary>
    public static ComplaintFlowBuilder UsePostgreSql(this ComplaintFlowBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseStore(_ => new PostgreSqlComplaintStore(dataSource, ownsDataSource: false));
    }
}
