using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Replaces the case's handling flags (PR-19).</summary>
public sealed record SetFlags : ComplaintCommand
{
    /// <summary>The new flags; <see cref="ComplaintFlags.None"/> clears them.</summary>
    public required ComplaintFlags Flags { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.SetFlags;

    private protected override void ValidateFields() => Require.Flags(Flags, nameof(Flags));

    internal override void CheckAgainst(in CommandContext context)
    {
        if (context.Case.Flags == Flags)
        {
            throw new ComplaintValidationException(nameof(Flags), $"case {context.Case.Id} already has flags {Flags}.");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Flags = Flags;
        return new(new FlagsChanged(context.Case.Flags, Flags));
    }
}
