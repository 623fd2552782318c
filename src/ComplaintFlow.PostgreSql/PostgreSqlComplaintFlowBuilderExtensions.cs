using ComplaintFlow.PostgreSql;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL store, for apps that run on several machines against one database.</summary>
public static class PostgreSqlComplaintFlowBuilderExtensions
{
    /// <summary>Keeps cases in PostgreSQL; the schema is created or upgraded on first use.</summary>
    public static ComplaintFlowBuilder UsePostgreSql(this ComplaintFlowBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseStore(_ => new PostgreSqlComplaintStore(NpgsqlDataSource.Create(connectionString), ownsDataSource: true));
    }

    /// <summary>Keeps cases in PostgreSQL through the app's own data source, which the app keeps and disposes.</summary>
    public static ComplaintFlowBuilder UsePostgreSql(this ComplaintFlowBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseStore(_ => new PostgreSqlComplaintStore(dataSource, ownsDataSource: false));
    }
}
