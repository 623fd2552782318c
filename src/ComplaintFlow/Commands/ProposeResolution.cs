using System.Collections.Immutable;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Proposes a resolution. Refused when it commits more money than the actor's tier may (PR-07) or when the app's
/// feasibility check says it cannot be delivered.
/// </summary>
public sealed record ProposeResolution : ComplaintCommand
{
    /// <summary>What the company will do; at least one remedy.</summary>
    public required ImmutableArray<Remedy> Remedies { get; init; }

    /// <summary>Other remedies the customer may choose instead (PR-16).</summary>
    public ImmutableArray<Remedy> Alternatives { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Why this is offered, in words the customer understands (PR-08).</summary>
    public required string Explanation { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.Propose;

    private protected override void ValidateFields()
    {
        Require.Remedies(Remedies, nameof(Remedies), allowEmpty: false);
        Require.Remedies(Alternatives, nameof(Alternatives), allowEmpty: true);
        Require.Text(Explanation, nameof(Explanation), Require.TextLength);
    }

    /// <summary>
    /// The first commitment beyond the actor's money authority: the remedies together, then each alternative alone.
    /// </summary>
    internal AuthorityShortfall? FindShortfall(AuthorityRules authority)
    {
        if (authority.FindShortfall(Actor, Amounts(Remedies)) is { } shortfall)
        {
            return shortfall;
        }

        foreach (var alternative in Alternatives.IsDefault ? [] : Alternatives)
        {
            if (alternative.Amount is { } amount && authority.FindShortfall(Actor, [amount]) is { } alone)
            {
                return alone;
            }
        }

        return null;
    }

    /// <summary>
    /// PR-07: never promise beyond authority, nor what cannot be delivered. A shortfall makes the desk escalate the case
    /// to someone who can approve instead of recording the proposal; an infeasible remedy is refused.
    /// </summary>
    internal override async ValueTask<AuthorityShortfall?> PrepareAsync(PreparationContext context, CancellationToken cancellationToken)
    {
        if (FindShortfall(context.Authority) is { } shortfall)
        {
            return shortfall;
        }

        IReadOnlyList<Remedy> remedies = Alternatives.IsDefaultOrEmpty ? Remedies : [.. Remedies, .. Alternatives];
        await context.CheckFeasibleAsync(remedies, cancellationToken).ConfigureAwait(false);
        return null;
    }

    internal override Applied Apply(in CommandContext context)
    {
        var proposal = new Proposal(context.Case.Proposals.Length + 1, Remedies, Alternatives.IsDefault ? [] : Alternatives, Explanation, Actor, context.Now, ProposalStatus.Open);
        context.Draft.Proposals = context.Case.Proposals.Add(proposal);
        return new(new ResolutionProposed(proposal));
    }

    private static Money[] Amounts(ImmutableArray<Remedy> remedies)
    {
        var count = 0;
        foreach (var remedy in remedies)
        {
            count += remedy.Amount is null ? 0 : 1;
        }

        var amounts = new Money[count];
        var at = 0;
        foreach (var remedy in remedies)
        {
            if (remedy.Amount is { } amount)
            {
                amounts[at++] = amount;
            }
        }

        return amounts;
    }
}
