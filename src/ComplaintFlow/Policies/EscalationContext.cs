using ComplaintFlow.Events;

namespace ComplaintFlow.Policies;

/// <summary>What an <see cref="IEscalationPolicy"/> sees: the case as the command left it, and what just happened.</summary>
public sealed class EscalationContext
{
    private readonly Func<string, int?> _rankOf;

    private readonly ComplaintEvent[] _events;

    internal EscalationContext(
        ComplaintCase complaint, ComplaintCase? previous, Actor actor, string action, ComplaintEvent[] events, AuthorityShortfall? shortfall,
        Func<string, int?> rankOf, DateTimeOffset now, Time.BusinessCalendar calendar, System.Globalization.CultureInfo culture)
    {
        Now = now;
        Calendar = calendar;
        Culture = culture;
        Case = complaint;
        Previous = previous;
        Actor = actor;
        Action = action;
        _events = events;
        Shortfall = shortfall;
        _rankOf = rankOf;
    }

    /// <summary>The case after the command, not yet saved.</summary>
    public ComplaintCase Case { get; }

    /// <summary>The case before the command; <see langword="null"/> when the command opened it.</summary>
    public ComplaintCase? Previous { get; }

    /// <summary>Who acted.</summary>
    public Actor Actor { get; }

    /// <summary>The action taken, for example <c>reject</c> or <c>open</c>.</summary>
    public string Action { get; }

    /// <summary>The events the command is about to record. Clock warnings and breaches arrive here as events too.</summary>
    public IReadOnlyList<ComplaintEvent> Events => _events;

    /// <summary>
    /// Set when a proposal was stopped because it commits more money than the proposer's tier may (PR-07). The proposal is
    /// not recorded; escalating is the way forward.
    /// </summary>
    public AuthorityShortfall? Shortfall { get; }

    /// <summary>The time of the change, from the configured <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The business calendar the clocks count on, for rules such as "escalate if not resolved within two business days".</summary>
    public Time.BusinessCalendar Calendar { get; }

    /// <summary>The customer's culture, for the customer-facing explanation: the case's language, or the configured default.</summary>
    public System.Globalization.CultureInfo Culture { get; }

    /// <summary>True when any event of the command is of type <typeparamref name="TData"/>.</summary>
    public bool Has<TData>()
        where TData : ComplaintEventData
    {
        // By index over the array: every policy asks this on every change, and an enumerator would allocate each time.
        for (var i = 0; i < _events.Length; i++)
        {
            if (_events[i].Data is TData)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="tier"/> is configured and more senior than <paramref name="than"/>.</summary>
    public bool IsMoreSenior(string tier, string than) => _rankOf(tier) > _rankOf(than);
}
