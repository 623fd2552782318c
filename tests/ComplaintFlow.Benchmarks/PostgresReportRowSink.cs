using Npgsql;
using NpgsqlTypes;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// Writes <see cref="ReportRows"/> with binary COPY, one connection per table so the four streams stay open side by
/// side. The case rows take their report row keys from the identity column, 1 upwards in the order written, which is
/// the order <see cref="ReportRows"/> numbers them in: the schema must be new.
/// </summary>
internal sealed class PostgresReportRowSink : IReportRowSink, IAsyncDisposable
{
    private static readonly NpgsqlDbType[] CaseTypes =
    [
        NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text,
    ];

    private static readonly NpgsqlDbType[] FactTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer,
        NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
    ];

    private static readonly NpgsqlDbType[] SpellTypes = [NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint];

    private static readonly NpgsqlDbType[] CategoryTypes = [NpgsqlDbType.Uuid, NpgsqlDbType.Text];

    private readonly List<(NpgsqlConnection Connection, NpgsqlBinaryImporter Importer)> _streams = [];

    private PostgresReportRowSink()
    {
    }

    public static async Task<PostgresReportRowSink> OpenAsync(NpgsqlDataSource dataSource)
    {
        var sink = new PostgresReportRowSink();
        foreach (var (table, columns) in new[]
        {
            ("complaintflow_report_cases", ReportRows.CaseColumns), ("complaintflow_report_facts", ReportRows.FactColumns),
            ("complaintflow_report_spells", ReportRows.SpellColumns), ("complaintflow_case_categories", ReportRows.CategoryColumns),
        })
        {
            var connection = await dataSource.OpenConnectionAsync();
            sink._streams.Add((connection, await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)")));
        }

        return sink;
    }

    public void Case(object?[] values) => Write(0, values, CaseTypes);

    public void Fact(object?[] values) => Write(1, values, FactTypes);

    public void Spell(object?[] values) => Write(2, values, SpellTypes);

    public void Category(object?[] values) => Write(3, values, CategoryTypes);

    /// <summary>Commits the four streams.</summary>
    public async Task CompleteAsync()
    {
        foreach (var (_, importer) in _streams)
        {
            await importer.CompleteAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, importer) in _streams)
        {
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private void Write(int stream, object?[] values, NpgsqlDbType[] types)
    {
        var importer = _streams[stream].Importer;
        importer.StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(values[i]!, types[i]);
            }
        }
    }
}
