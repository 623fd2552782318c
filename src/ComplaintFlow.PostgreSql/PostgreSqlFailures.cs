using Npgsql;

namespace ComplaintFlow.PostgreSql;

/// <summary>Turns Npgsql's errors into the library's one store error, keeping Npgsql's own judgement of transience but for a cancelled statement.</summary>
internal static class PostgreSqlFailures
{
    public const string Store = "PostgreSQL";

    public static ComplaintStoreException Translate(NpgsqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception switch
        {
            PostgresException { SqlState: "53100" } => "the server's disk is full. Free some space on the database server and retry.",
            PostgresException { SqlState: "53300" } => "the server has no connection slots left. Retry later, or lower 'Maximum Pool Size' across the app's instances.",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "the server is shutting down or starting up. Retry later.",
            PostgresException { SqlState: "40001" or "40P01" } => "the transaction was chosen to give way to another (serialization failure or deadlock). Retry.",
            PostgresException { SqlState: "57014" } => "the server cancelled the statement (its statement_timeout, or an administrator's pg_cancel_backend). Retry later, or raise the timeout.",
            PostgresException { SqlState: "28P01" or "28000" } failure => $"the server refused the credentials ({failure.MessageText}). Check the user name and password.",
            PostgresException { SqlState: "3D000" } failure => $"the database does not exist ({failure.MessageText}). Check 'Database' in the connection string.",
            PostgresException failure => $"the server refused a statement: {failure.MessageText} (SQLSTATE {failure.SqlState}).",
            { InnerException: TimeoutException } => "no connection could be had in time: the server is slow to answer or the pool is exhausted. Retry later.",
            _ => $"the server cannot be reached ({exception.Message}). Check that it runs and that 'Host' and 'Port' in the connection string are right.",
        };
        // Npgsql counts a cancelled statement (57014) as permanent; on the server's timeout or an administrator's cancel
        // the same statement usually succeeds later, so it is transient here.
        return new ComplaintStoreException(Store, cause, exception.IsTransient || exception is PostgresException { SqlState: "57014" }, exception);
    }
}
