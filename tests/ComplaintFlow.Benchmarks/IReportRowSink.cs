namespace ComplaintFlow.Benchmarks;

/// <summary>Where <see cref="ReportRows"/> writes: values in the order of its column lists.</summary>
internal interface IReportRowSink
{
    void Case(object?[] values);

    void Fact(object?[] values);

    void Spell(object?[] values);

    void Category(object?[] values);
}
