namespace ComplaintFlow.Reports;

/// <summary>
/// Supplies the fields of an ASIC IDR data file that only the app holds (the complainant's demographics, a
/// representative's number...), by column name. Register it with <c>services.AddSingleton&lt;IAsicIdrFields, ...&gt;()</c>.
/// </summary>
public interface IAsicIdrFields
{
    /// <summary>The columns the app adds, in order; every row is asked for these.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The app's values for one complaint, by column; a column left out is empty.</summary>
    ValueTask<IReadOnlyDictionary<string, string>> GetFieldsAsync(AsicIdrRow row, CancellationToken cancellationToken);
}
