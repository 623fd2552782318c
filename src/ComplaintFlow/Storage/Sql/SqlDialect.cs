namespace ComplaintFlow.Storage.Sql;

/// <summary>How one SQL store spells what <see cref="CaseQuerySql"/> writes.</summary>
/// <param name="StoreName">The store's name in its errors, such as <c>SQLite</c>.</param>
/// <param name="ParameterPrefix">The prefix of parameter names in SQL text, such as <c>$</c> or <c>@</c>.</param>
/// <param name="TablePrefix">The prefix of the store's table names.</param>
/// <param name="OpenPredicate">The condition that a case is open.</param>
/// <param name="CaseKey">Converts a case id to the value the id column holds.</param>
internal sealed record SqlDialect(string StoreName, string ParameterPrefix, string TablePrefix, string OpenPredicate, Func<ComplaintId, object> CaseKey);
