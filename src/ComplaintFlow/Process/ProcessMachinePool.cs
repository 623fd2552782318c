using System.Collections.Concurrent;

namespace ComplaintFlow.Process;

/// <summary>
/// Hands out configured machines so each command fires on one nobody else is using, without configuring a new
/// machine per command. Each thread keeps one machine at hand, because a command's fire almost always completes on
/// the thread that started it; the shared bag covers everything else. The pool grows to the peak number of
/// concurrent commands and no further.
/// </summary>
internal sealed class ProcessMachinePool(Func<ProcessMachine> create)
{
    [ThreadStatic]
    private static ProcessMachinePool? t_owner;

    [ThreadStatic]
    private static ProcessMachine? t_machine;

    private readonly ConcurrentBag<ProcessMachine> _idle = [];

    public ProcessMachine Rent()
    {
        if (t_owner == this && t_machine is { } local)
        {
            t_machine = null;
            return local;
        }

        return _idle.TryTake(out var machine) ? machine : create();
    }

    public void Return(ProcessMachine machine)
    {
        if (t_machine is null)
        {
            t_owner = this;
            t_machine = machine;
            return;
        }

        _idle.Add(machine);
    }
}
