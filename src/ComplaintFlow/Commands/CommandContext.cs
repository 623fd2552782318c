using ComplaintFlow.Policies;

namespace ComplaintFlow;

/// <summary>What a command sees while it is checked and applied.</summary>
internal readonly struct CommandContext(ComplaintCase complaint, CaseDraft draft, DateTimeOffset now, string nextStep, AuthorityRules authority, Process.ComplaintProcess process, Outcomes.CaseEndRules ends)
{
    /// <summary>The case as it is before the change.</summary>
    public ComplaintCase Case { get; } = complaint;

    /// <summary>Where the command writes its changes; the snapshot is built from it.</summary>
    public CaseDraft Draft { get; } = draft;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The step the process moves the case to.</summary>
    public string NextStep { get; } = nextStep;

    public AuthorityRules Authority { get; } = authority;

    public Process.ComplaintProcess Process { get; } = process;

    /// <summary>What the end of a case must satisfy: outcome taxonomies, the preset's communications, the redress agreement.</summary>
    public Outcomes.CaseEndRules Ends { get; } = ends;
}
