using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests.BadInput;

/// <summary>The bad-input table on the in-memory store.</summary>
public sealed class InMemoryBadInputTests : BadInputTests
{
    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UseInMemoryStore();
}
