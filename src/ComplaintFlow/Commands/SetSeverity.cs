using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Changes how serious the case is (PR-19).</summary>
public sealed record SetSeverity : ComplaintCommand
{
    /// <summary>The new severity.</summary>
    public required Severity Severity { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.SetSeverity;

    private protected override void ValidateFields() => Require.Defined(Severity, nameof(Severity));

    internal override void CheckAgainst(in CommandContext context)
    {
        if (context.Case.Severity == Severity)
        {
            throw new ComplaintValidationException(nameof(Severity), $"case {context.Case.Id} is already {Severity}.");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Severity = Severity;
        return new(new SeverityChanged(context.Case.Severity, Severity));
    }
}
