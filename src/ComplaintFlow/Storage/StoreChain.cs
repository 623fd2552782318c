namespace ComplaintFlow.Storage;

/// <summary>What a store offers once its decorators (<see cref="IComplaintStore.Decorated"/>) are looked through.</summary>
internal static class StoreChain
{
    // Far more wrappers than any app stacks; a chain this long is a decorator that wraps itself.
    private const int MostDecorators = 32;

    /// <summary>The report queries of the first store in the chain that keeps report rows, or <see langword="null"/>.</summary>
    /// <exception cref="InvalidOperationException">The chain of decorators does not end.</exception>
    public static Reports.IReportQueries? ReportsOf(IComplaintStore store)
    {
        var current = store;
        for (var depth = 0; current is not null; depth++)
        {
            if (current.Reports is { } queries)
            {
                return queries;
            }

            if (depth == MostDecorators)
            {
                throw new InvalidOperationException(
                    $"The store {store.GetType().Name} wraps stores more than {MostDecorators} deep through IComplaintStore.Decorated; a decorator probably returns itself or an outer store. Return the store it wraps.");
            }

            current = current.Decorated;
        }

        return null;
    }
}
