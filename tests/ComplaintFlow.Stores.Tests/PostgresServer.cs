namespace ComplaintFlow.Stores.Tests;

/// <summary>
/// The PostgreSQL server the tests use, from <c>COMPLAINTFLOW_POSTGRES</c> (<c>.ci/postgres.sh</c> starts one and
/// prints its connection string). Without it the tests are skipped, except in CI, where that is a failure.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "COMPLAINTFLOW_POSTGRES";

    public static string ConnectionStringOrSkip()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"{Variable} is not set in CI; .ci/run must start PostgreSQL and export it.");
        }

        Assert.Skip($"PostgreSQL tests need a server: run `bash .ci/postgres.sh` and export {Variable} with the connection string it prints.");
        return string.Empty;
    }
}
