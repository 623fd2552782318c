using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>Replaces the case's categories, used to find recurring causes (PR-20).</summary>
public sealed record SetCategories : ComplaintCommand
{
    /// <summary>The new categories; stored trimmed, unique and sorted. Empty clears them.</summary>
    public required ImmutableArray<string> Categories { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.SetCategories;

    private protected override void ValidateFields() => Require.Categories(Categories, nameof(Categories));

    internal override Applied Apply(in CommandContext context)
    {
        var categories = Require.Categories(Categories, nameof(Categories));
        context.Draft.Categories = categories;
        return new(new CategoriesChanged(categories));
    }
}
