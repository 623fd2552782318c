using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The store contract on the in-memory store.</summary>
public sealed class InMemoryStoreContractTests : StoreContract
{
    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UseInMemoryStore();
}
