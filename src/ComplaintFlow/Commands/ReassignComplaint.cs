using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Gives the case a new accountable owner (PR-04).</summary>
public sealed record ReassignComplaint : ComplaintCommand
{
    /// <summary>The new owner.</summary>
    public required Actor NewOwner { get; init; }

    /// <summary>Why, if worth recording.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Reassign;

    private protected override void ValidateFields()
    {
        Require.Actor(NewOwner, nameof(NewOwner));
        Require.OptionalText(Reason, nameof(Reason), Require.TextLength);
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        context.Authority.RequireOwnerTier(NewOwner, nameof(NewOwner));
        if (context.Case.Owner == NewOwner)
        {
            throw new ComplaintValidationException(nameof(NewOwner), $"'{NewOwner.Id}' already owns case {context.Case.Id}.");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Owner = NewOwner;
        return new(new ComplaintReassigned(context.Case.Owner, NewOwner, Reason));
    }
}
