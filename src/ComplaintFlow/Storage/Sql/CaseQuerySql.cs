using System.Globalization;
using System.Text;

namespace ComplaintFlow.Storage.Sql;

/// <summary>
/// The SELECT for a <see cref="ComplaintQuery"/> in the durable stores' shared schema: one parameter per set criterion,
/// ordered by id, limited. Shared so the stores cannot drift apart in what a query means.
/// </summary>
internal static class CaseQuerySql
{
    public static (string Sql, IReadOnlyList<(string Name, object? Value)> Parameters) For(ComplaintQuery query, SqlDialect dialect, string documentColumn)
    {
        ArgumentNullException.ThrowIfNull(query);
        StoreQueryValidation.Check(query);
        var p = dialect.ParameterPrefix;
        var sql = new StringBuilder($"SELECT id, version, {documentColumn} FROM {dialect.TablePrefix}cases WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Where(string column, string comparison, string name, object value)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} {comparison} {p}{name}");
            parameters.Add((p + name, value));
        }

        if (query.OpenOnly)
        {
            sql.Append(" AND ").Append(dialect.OpenPredicate);
        }

        if (query.Step is { } step)
        {
            Where("step", "=", "step", step);
        }

        if (query.OwnerId is { } owner)
        {
            Where("owner_id", "=", "owner", owner);
        }

        if (query.CustomerRef is { } customer)
        {
            Where("customer_ref", "=", "customer", customer);
        }

        if (query.Category is { } category)
        {
            Where("id", $"IN (SELECT case_id FROM {dialect.TablePrefix}case_categories WHERE category =", "category", category);
            sql.Append(')');
        }

        if (query.ReceivedSince is { } since)
        {
            Where("received_at", ">=", "since", since.UtcTicks);
        }

        if (query.After is { } after)
        {
            Where("id", ">", "after", dialect.CaseKey(after));
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY id LIMIT {p}limit");
        parameters.Add((p + "limit", query.Limit));
        return (sql.ToString(), parameters);
    }
}
