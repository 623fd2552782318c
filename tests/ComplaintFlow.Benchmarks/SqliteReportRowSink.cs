using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Benchmarks;

/// <summary>Writes <see cref="ReportRows"/> with prepared inserts in the caller's transaction.</summary>
internal sealed class SqliteReportRowSink : IReportRowSink, IDisposable
{
    private readonly SqliteCommand _case;
    private readonly SqliteCommand _fact;
    private readonly SqliteCommand _spell;
    private readonly SqliteCommand _category;
    private long _cases;

    public SqliteReportRowSink(SqliteConnection connection, SqliteTransaction transaction)
    {
        _case = Insert(connection, transaction, "report_cases", ["report_id", .. ReportRows.CaseColumns]);
        _fact = Insert(connection, transaction, "report_facts", ReportRows.FactColumns);
        _spell = Insert(connection, transaction, "report_spells", ReportRows.SpellColumns);
        _category = Insert(connection, transaction, "case_categories", ReportRows.CategoryColumns);
    }

    // The report row key is given, not left to SQLite, so it is the one the facts were written with.
    public void Case(object?[] values) => Execute(_case, [++_cases, .. values]);

    public void Fact(object?[] values) => Execute(_fact, values);

    public void Spell(object?[] values) => Execute(_spell, values);

    public void Category(object?[] values) => Execute(_category, values);

    public void Dispose()
    {
        _case.Dispose();
        _fact.Dispose();
        _spell.Dispose();
        _category.Dispose();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        }

        return command;
    }

    private static void Execute(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] is Guid id ? id.ToString() : values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
