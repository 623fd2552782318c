using System.Collections.Concurrent;

namespace ComplaintFlow.Process;

/// <summary>
/// Hands out configured machines so each command fires on one nobody else is using, without configuring a new
/// machine per command. The pool grows to the peak number of concurrent commands and no further.
/// </summary>
internal sealed class ProcessMachinePool(Func<ProcessMachine> create)
{
    private readonly ConcurrentBag<ProcessMachine> _idle = [];

    public ProcessMachine Rent() => _idle.TryTake(out var machine) ? machine : create();

    public void Return(ProcessMachine machine) => _idle.Add(machine);
}
