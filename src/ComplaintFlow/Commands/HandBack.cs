using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Hands an escalated case back to a more junior tier or another team, with a recorded reason. The actor must act at
/// the case's current tier or above; <see cref="ComplaintFlowOptions.MinimumTierByAction"/> may ask for more.
/// </summary>
public sealed record HandBack : ComplaintCommand
{
    /// <summary>The tier to hand the case to; more junior than the case's tier, or the same tier with another team.</summary>
    public required string ToTier { get; init; }

    /// <summary>The team to hand the case to, or <see langword="null"/> for none.</summary>
    public string? ToTeam { get; init; }

    /// <summary>Why the case goes back.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.HandBack;

    private protected override void ValidateFields()
    {
        Require.Text(ToTier, nameof(ToTier), Require.IdLength);
        Require.OptionalText(ToTeam, nameof(ToTeam), Require.IdLength);
        Require.Text(Reason, nameof(Reason), Require.TextLength);
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        var authority = context.Authority;
        var caseRank = authority.CaseRank(context.Case);
        var targetRank = authority.TryRankOf(ToTier)
            ?? throw new ComplaintValidationException(nameof(ToTier), $"'{ToTier}' is not one of the configured tiers ({string.Join(", ", authority.TierNames)}).");
        if (targetRank > caseRank || (targetRank == caseRank && ToTeam == context.Case.Team))
        {
            throw new ComplaintValidationException(nameof(ToTier), $"handing back must move case {context.Case.Id} down from '{context.Case.Tier}' or to another team; '{ToTier}' is not lower.");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        context.Draft.Tier = ToTier;
        context.Draft.Team = ToTeam;
        return new(new ComplaintHandedBack(context.Case.Tier, context.Case.Team, ToTier, ToTeam, Reason));
    }
}
