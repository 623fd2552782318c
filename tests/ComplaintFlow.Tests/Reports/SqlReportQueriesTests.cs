using System.Data.Common;
using ComplaintFlow.Reports;
using ComplaintFlow.Storage.Sql;
using ComplaintFlow.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Reports;

/// <summary>The SQL report queries against a real SQLite file, with the data changing between their statements.</summary>
public sealed class SqlReportQueriesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaintflow-sqlreports-").FullName;

    [Fact]
    public async Task Measure_TheCasesChangeBetweenTheCountAndTheRanks_ReadsThemAgain_NotACrash()
    {
        var file = $"Data Source={Path.Combine(_folder, "r.db")};Pooling=False";
        using (var t = new TestDesk(b => b.UseSqlite(file)))
        {
            var c = await t.OpenAsync();
            await t.Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Actors.Agent, Owner = Actors.Agent });
        }

        // The queries open a connection per statement (each report figure reads on its own connection), so the second
        // connection is the first rank's: it finds the acknowledgement gone, as when a case leaves a tier filter.
        var opened = 0;
        async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(file);
            await connection.OpenAsync(cancellationToken);
            if (++opened == 2)
            {
                using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM report_facts";
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }

        var queries = new SqlReportQueries(OpenAsync, _ => null, new SqlDialect("SQLite", "$", string.Empty, "is_open = 1", id => id.ToString()), _ => default, (_, _) => Task.CompletedTask);
        var march = new ReportPeriod(TestDesk.Start.AddDays(-1), TestDesk.Start.AddDays(30));

        var measured = await queries.MeasureAsync(ReportFacts.Acknowledged, march, ReportFilter.All, CancellationToken.None);

        measured.Count.Should().Be(0, "the figures were read again once the set had changed, and now there is nothing to measure");
        opened.Should().BeGreaterThan(2);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
