using System.Collections.Frozen;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;

namespace ComplaintFlow.Policies;

/// <summary>
/// Who may do what, from <see cref="ComplaintFlowOptions"/>: the tiers with their seniority and money limits, the
/// per-action minimum tiers, the roles that grant actions without seniority, a step's named performers, and the
/// protection of escalated cases (PR-07, PR-10, PR-11, PR-14). Indexed once; <see cref="Refusal"/> is the one answer
/// that commands and available actions share.
/// </summary>
internal sealed class AuthorityRules
{
    private readonly FrozenDictionary<string, int> _rank;
    private readonly FrozenDictionary<string, FrozenDictionary<string, decimal>> _limits;
    private readonly FrozenDictionary<string, string> _minimumTier;
    private readonly FrozenDictionary<string, FrozenSet<string>> _roleActions;
    private readonly bool _protectEscalated;

    public AuthorityRules(ComplaintFlowOptions options)
    {
        TierNames = [.. options.Tiers.Select(t => t.Name)];
        _rank = TierNames.Select((name, i) => (name, i)).ToFrozenDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _limits = options.Tiers.ToFrozenDictionary(t => t.Name, t => t.MoneyLimits.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        _minimumTier = options.MinimumTierByAction.ToFrozenDictionary(StringComparer.Ordinal);
        _roleActions = options.Roles.ToFrozenDictionary(r => r.Name, r => r.Actions.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _protectEscalated = options.ProtectEscalatedCases;
        ReopenWindow = options.ReopenWindow;
    }

    /// <summary>The actions given a minimum tier, for checking them against the process.</summary>
    public IEnumerable<string> ActionsWithMinimumTier => _minimumTier.Keys;

    /// <summary>Each role's granted actions, for checking them against the process.</summary>
    public IEnumerable<(string Role, string Action)> RoleGrants => _roleActions.SelectMany(r => r.Value.Select(a => (r.Key, a)));

    /// <summary>The tiers from most junior to most senior.</summary>
    public IReadOnlyList<string> TierNames { get; }

    /// <summary>The most junior tier, where new cases start.</summary>
    public string JuniorTier => TierNames[0];

    public TimeSpan ReopenWindow { get; }

    /// <summary>The actor's tier position, 0 for the most junior, or <see langword="null"/> for an actor with roles only; refuses an unknown tier.</summary>
    public int? RankOf(Actor actor, string action) =>
        actor.Tier is null ? null
        : _rank.TryGetValue(actor.Tier, out var rank) ? rank
        : throw new ComplaintAuthorizationException(actor.Id, action, UnknownTier(actor.Tier));

    public int? TryRankOf(string tier) => _rank.TryGetValue(tier, out var rank) ? rank : null;

    /// <summary>
    /// Refuses an owner who is not at a configured tier: the owner is named in the command, not acting, so a missing or
    /// unknown tier is the command's bad field, not an authorisation failure of the actor.
    /// </summary>
    public void RequireOwnerTier(Actor owner, string field)
    {
        if (owner.Tier is null)
        {
            throw new ComplaintValidationException($"{field}.Tier", $"is empty; an owner must be at one of the configured tiers ({string.Join(", ", TierNames)}), as escalation and hand-back follow tiers.");
        }

        if (!_rank.ContainsKey(owner.Tier))
        {
            throw new ComplaintValidationException($"{field}.Tier", UnknownTier(owner.Tier));
        }
    }

    /// <summary>
    /// What the actor lacks to take the action on the case, or <see langword="null"/> when they may: the step's named
    /// performers first (who may work the step even on an escalated case), then the roles' grants and the tier's
    /// minimum, then the escalated-case protection. <paramref name="complaint"/> is <see langword="null"/> when opening.
    /// </summary>
    public string? Refusal(Actor actor, string action, ComplaintCase? complaint, StepPerformers? performers)
    {
        if (ReferenceEquals(actor, Actor.System))
        {
            return null;
        }

        int? rank = null;
        if (actor.Tier is { } tier)
        {
            if (!_rank.TryGetValue(tier, out var held))
            {
                return UnknownTier(tier);
            }

            rank = held;
        }

        if (performers is not null)
        {
            if (performers.Roles.Any(actor.HasRole))
            {
                return null;
            }

            if (performers.MinimumTier is not { } least || rank is not { } held || held < _rank[least])
            {
                return $"this step is performed by {performers.Describe()}, and '{actor.Id}' {Holds(actor)}.";
            }
        }
        else if (!IsOpenToAll(action) && !GrantedByRole(actor, action))
        {
            if (rank is not { } held)
            {
                return $"'{actor.Id}' acts only in {Holds(actor)[4..]}, and no configured role grants '{action}'.";
            }

            if (_minimumTier.TryGetValue(action, out var minimum) && held < _rank[minimum])
            {
                return $"this needs tier '{minimum}' or above, and '{actor.Id}' acts as '{actor.Tier}'.";
            }
        }

        return Protected(actor, action, complaint, rank) ?? HandBackRefusal(actor, action, complaint, rank);
    }

    /// <summary>Refuses when <see cref="Refusal"/> says the actor may not.</summary>
    public void Require(Actor actor, string action, ComplaintCase? complaint, StepPerformers? performers)
    {
        if (Refusal(actor, action, complaint, performers) is { } missing)
        {
            throw new ComplaintAuthorizationException(actor.Id, action, missing);
        }
    }

    /// <summary>The first currency in which the amounts exceed the actor's limit, or <see langword="null"/> when within it.</summary>
    public AuthorityShortfall? FindShortfall(Actor actor, ReadOnlySpan<Money> amounts)
    {
        var limits = actor.Tier is { } tier && _limits.TryGetValue(tier, out var held) ? held : FrozenDictionary<string, decimal>.Empty;

        // Totals per currency; proposals rarely mix currencies, so a nested scan beats grouping.
        for (var i = 0; i < amounts.Length; i++)
        {
            var currency = amounts[i].Currency;
            if (IndexOfCurrency(amounts, currency) < i)
            {
                continue;
            }

            var sum = 0m;
            for (var j = i; j < amounts.Length; j++)
            {
                sum += amounts[j].Currency == currency ? amounts[j].Amount : 0m;
            }

            var hasLimit = limits.TryGetValue(currency, out var limit);
            if (!hasLimit || sum > limit)
            {
                var total = new Money(sum, currency);
                return new AuthorityShortfall(total, actor.Tier ?? "(no tier)", hasLimit ? limit : null, LowestTierAllowing(total));
            }
        }

        return null;
    }

    public string? LowestTierAllowing(Money total) =>
        TierNames.FirstOrDefault(t => _limits[t].TryGetValue(total.Currency, out var limit) && total.Amount <= limit);

    // Anyone may open a complaint (PR-23) and add a note; opening and notes never need seniority.
    /// <summary>True for an action every actor may take whatever their tier, so a minimum tier for it would do nothing.</summary>
    public static bool IsOpenToAll(string action) => action is OpenCase.OpenAction or ComplaintActions.AddNote;

    private bool GrantedByRole(Actor actor, string action)
    {
        foreach (var role in actor.Roles.IsDefault ? [] : actor.Roles)
        {
            if (_roleActions.TryGetValue(role, out var actions) && actions.Contains(action))
            {
                return true;
            }
        }

        return false;
    }

    private string? Protected(Actor actor, string action, ComplaintCase? complaint, int? rank)
    {
        if (!_protectEscalated || complaint is null || action == ComplaintActions.AddNote || CaseRank(complaint) == 0)
        {
            return null;
        }

        var caseRank = CaseRank(complaint);

        if (rank >= caseRank || (complaint.Team is not null && actor.Team == complaint.Team))
        {
            return null;
        }

        var team = complaint.Team is null ? string.Empty : $" or team '{complaint.Team}'";
        return $"case {complaint.Id} is escalated to tier '{complaint.Tier}'{team}; it needs tier '{complaint.Tier}' or above{team} (anyone may add a note), and '{actor.Id}' {Holds(actor)}.";
    }

    /// <summary>Only the case's tier or above hands it back: its team alone is not enough (PR-11).</summary>
    private string? HandBackRefusal(Actor actor, string action, ComplaintCase? complaint, int? rank) =>
        action == ComplaintActions.HandBack && complaint is not null && (rank ?? -1) < CaseRank(complaint)
            ? $"the case is with tier '{complaint.Tier}', and only that tier or above may hand it back; '{actor.Id}' {Holds(actor)}."
            : null;

    /// <summary>
    /// The rank of the tier a case is with. A stored tier the configuration no longer has (renamed or removed since the
    /// case went up) is the data's fault: guessing would drop the protection of an escalated case.
    /// </summary>
    public int CaseRank(ComplaintCase complaint) =>
        _rank.TryGetValue(complaint.Tier, out var rank) ? rank
        : throw new ComplaintDataException(complaint.Id, $"its tier '{complaint.Tier}' is not one of the configured tiers ({string.Join(", ", TierNames)}); configure that tier again, or move the case to one that is.");

    private static string Holds(Actor actor)
    {
        var roles = actor.Roles.IsDefaultOrEmpty ? "no role" : (actor.Roles.Length == 1 ? "role " : "roles ") + string.Join(", ", actor.Roles.Select(r => $"'{r}'"));
        return actor.Tier is null ? $"has {roles}" : $"acts as '{actor.Tier}' with {roles}";
    }

    private string UnknownTier(string tier) => $"tier '{tier}' is not one of the configured tiers ({string.Join(", ", TierNames)}).";

    private static int IndexOfCurrency(ReadOnlySpan<Money> amounts, string currency)
    {
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i].Currency == currency)
            {
                return i;
            }
        }

        return -1;
    }
}
