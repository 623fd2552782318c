using Stateless;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// The baseline: a plain Stateless machine with the same nine states, a superstate and guarded transitions, fired
/// round its main loop. Built once; each call is one <c>Fire</c>.
/// </summary>
public sealed class RawStatelessMachine
{
    private static readonly string[] Loop = ["acknowledge", "submit", "confirm", "propose", "accept", "fulfil", "satisfied", "reopen"];

    private readonly StateMachine<string, string> _machine;
    private string _state = "acknowledge";
    private int _next;
    private bool _hasStatement = true;

    public RawStatelessMachine()
    {
        _machine = new StateMachine<string, string>(() => _state, s => _state = s, FiringMode.Immediate);
        _machine.Configure("open").Permit("withdraw", "withdrawn").InternalTransition("note", _ => { });
        _machine.Configure("acknowledge").SubstateOf("open").Permit("acknowledge", "listen");
        _machine.Configure("listen").SubstateOf("open").PermitIf("submit", "validate", () => _hasStatement, "statement");
        _machine.Configure("validate").SubstateOf("open").Permit("confirm", "seek-resolution").Permit("correct", "listen");
        _machine.Configure("seek-resolution").SubstateOf("open").PermitIf("propose", "gain-agreement", () => _hasStatement, "outcome");
        _machine.Configure("gain-agreement").SubstateOf("open").PermitIf("accept", "fulfil", () => _hasStatement, "open proposal").Permit("reject", "seek-resolution");
        _machine.Configure("fulfil").SubstateOf("open").PermitIf("fulfil", "follow-up", () => _hasStatement, "accepted");
        _machine.Configure("follow-up").SubstateOf("open").Permit("satisfied", "closed").Permit("waive", "closed");
        _machine.Configure("closed").Permit("reopen", "acknowledge");
    }

    public bool HasStatement
    {
        get => _hasStatement;
        set => _hasStatement = value;
    }

    public async Task<string> FireNextAsync()
    {
        await _machine.FireAsync(Loop[_next]);
        _next = (_next + 1) % Loop.Length;
        return _state;
    }

    public string FireNext()
    {
        _machine.Fire(Loop[_next]);
        _next = (_next + 1) % Loop.Length;
        return _state;
    }
}
