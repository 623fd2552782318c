using System.Collections.Frozen;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Telemetry;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow;

/// <summary>
/// Runs every escalation policy on a change and picks at most one escalation: the most senior new target wins; among
/// equally senior targets, the policy first in the tie order (those named in
/// <see cref="EscalationOptions.TieBreakOrder"/>, then the app's in registration order, then the built-in ones). A cause
/// escalates a case at most once (PR-10, PR-11, PR-19).
/// </summary>
internal sealed class EscalationArbiter
{
    private readonly IEscalationPolicy[] _policies;

    // What each policy reacts to (null: everything), and all of it together, so a change nobody reacts to skips them all.
    private readonly FrozenSet<Type>?[] _interests;
    private readonly FrozenSet<Type>? _anyInterest;
    private readonly AuthorityRules _authority;
    private readonly ILogger _logger;

    public EscalationArbiter(IEnumerable<IEscalationPolicy> policies, EscalationOptions options, AuthorityRules authority, ILogger logger)
    {
        var registered = policies.ToList();
        var duplicate = registered.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"ComplaintFlow: {duplicate.Count()} escalation policies are named '{duplicate.Key}'; give each registered policy, including two configured instances of one class, a Name of its own.");
        }

        if (options.TieBreakOrder.FirstOrDefault(name => !registered.Any(p => p.Name == name)) is { } unknown)
        {
            throw new InvalidOperationException($"ComplaintFlow: Escalation.TieBreakOrder names '{unknown}', which is not a registered escalation policy; registered: {string.Join(", ", registered.Select(p => p.Name))}.");
        }

        var builtIn = typeof(EscalationArbiter).Assembly;
        _policies =
        [
            .. options.TieBreakOrder.Select(name => registered.FirstOrDefault(p => p.Name == name)).OfType<IEscalationPolicy>(),
            .. registered.Where(p => !options.TieBreakOrder.Contains(p.Name) && p.GetType().Assembly != builtIn),
            .. registered.Where(p => !options.TieBreakOrder.Contains(p.Name) && p.GetType().Assembly == builtIn),
        ];
        _interests = [.. _policies.Select(p => p.ReactsTo?.ToFrozenSet())];
        _anyInterest = _interests.Any(i => i is null) ? null : _interests.SelectMany(i => i!).ToFrozenSet();
        _authority = authority;
        _logger = logger;
    }

    /// <summary>True when some policy reacts to what the change holds; otherwise none need asking.</summary>
    public bool Wants(ComplaintEvent[] events, AuthorityShortfall? shortfall) =>
        _policies.Length > 0 && (_anyInterest is null || (shortfall is not null && _anyInterest.Contains(typeof(AuthorityShortfall))) || AnyOf(_anyInterest, events));

    /// <summary>The policies in tie order, for documentation and tests.</summary>
    public IReadOnlyList<string> Order => [.. _policies.Select(p => p.Name)];

    public async ValueTask<ComplaintEscalated?> DecideAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        var complaint = context.Case;
        var currentRank = _authority.TryRankOf(complaint.Tier) ?? -1;
        EscalationRequest? best = null;
        string? bestPolicy = null;
        var bestRank = -1;
        for (var i = 0; i < _policies.Length; i++)
        {
            var policy = _policies[i];
            if (_interests[i] is { } interest && !(context.Shortfall is not null && interest.Contains(typeof(AuthorityShortfall))) && !AnyOf(interest, context.Events))
            {
                continue;
            }

            EscalationRequest? request;
            try
            {
                request = await policy.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ComplaintFlowException exception) when (exception is ComplaintStoreException or ComplaintDataException)
            {
                // The store failed, or another case's data did: not the policy's fault, so not reported as its failure.
                throw;
            }
#pragma warning disable CA1031 // Any failure of app code is reported as the policy's, naming it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                throw new EscalationPolicyFailedException(policy.Name, complaint.Id, $"it threw {exception.GetType().Name}: {exception.Message}", exception);
            }

            if (request is null || complaint.EscalationCauses.Contains(request.Cause))
            {
                continue;
            }

            var rank = EscalationRequests.Check(request, policy.Name, complaint.Id, _authority);
            var moves = rank > currentRank || (rank == currentRank && request.Team is not null && request.Team != complaint.Team);
            if (moves && rank > bestRank)
            {
                (best, bestPolicy, bestRank) = (request, policy.Name, rank);
            }
        }

        if (best is null)
        {
            return null;
        }

        Log.Escalated(_logger, complaint.Id, best.Tier, best.Team, best.Cause, bestPolicy!);
        return new ComplaintEscalated(complaint.Tier, complaint.Team, best.Tier, best.Team, best.Cause, best.Reason, best.CustomerExplanation, bestPolicy!);
    }

    private static bool AnyOf(FrozenSet<Type> interest, IReadOnlyList<ComplaintEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (interest.Contains(events[i].Data.GetType()))
            {
                return true;
            }
        }

        return false;
    }
}
