using System.Collections.Concurrent;

namespace ComplaintFlow.Process;

/// <summary>
/// Hands out configured machines for permitted-action queries, so each query uses one nobody else is using without
/// configuring a new machine per query. The pool grows to the peak number of concurrent queries and no further.
/// </summary>
internal sealed class ProcessMachinePool(Func<ProcessMachine> create)
{
    private readonly ConcurrentBag<ProcessMachine> _idle = [];

    public ProcessMachine Rent() => _idle.TryTake(out var machine) ? machine : create();

    public void Return(ProcessMachine machine) => _idle.Add(machine);
}
