using ComplaintFlow.Policies;

namespace ComplaintFlow;

/// <summary>What a command sees while it is checked and applied.</summary>
internal readonly struct CommandContext(ComplaintCase complaint, DateTimeOffset now, string nextStep, AuthorityRules authority, Process.ComplaintProcess process)
{
    public ComplaintCase Case { get; } = complaint;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The step the process moves the case to.</summary>
    public string NextStep { get; } = nextStep;

    public AuthorityRules Authority { get; } = authority;

    public Process.ComplaintProcess Process { get; } = process;
}
