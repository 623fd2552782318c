namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>The report contract on the in-memory store, which folds the histories (the reference for the others).</summary>
public sealed class InMemoryReportContractTests : ReportContract
{
    protected override StoreUnderTest NewStore() => new(b => b.UseInMemoryStore(), null);
}
