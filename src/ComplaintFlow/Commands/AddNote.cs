using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Adds an internal note; possible in every step, and on closed or withdrawn cases.</summary>
public sealed record AddNote : ComplaintCommand
{
    /// <summary>The note.</summary>
    public required string Text { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.AddNote;

    private protected override void ValidateFields() => Require.Text(Text, nameof(Text), Require.TextLength);

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Notes = context.Draft.Notes.Add(new CaseNote(Text, Actor, context.Now));
        return new(new NoteAdded(Text));
    }
}
