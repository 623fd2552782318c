using ComplaintFlow.Events;

namespace ComplaintFlow.Testing;

/// <summary>
/// Checks over a case's history, with messages that list what the history holds. They throw
/// <see cref="ComplaintAssertionException"/>, which every test framework reports as a failure, so they work with any.
/// </summary>
public static class HistoryAssert
{
    /// <summary>The history holds events of these types in this order, perhaps with others between them.</summary>
    /// <exception cref="ArgumentException">No type was given: the check would pass whatever the history held.</exception>
    public static void ContainsInOrder(IReadOnlyList<ComplaintEvent> history, params Type[] eventTypes)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (eventTypes.Length == 0)
        {
            throw new ArgumentException("Name at least one event type; with none the check would pass whatever the history held.", nameof(eventTypes));
        }

        var at = 0;
        foreach (var type in eventTypes)
        {
            while (at < history.Count && !type.IsInstanceOfType(history[at].Data))
            {
                at++;
            }

            if (at == history.Count)
            {
                throw new ComplaintAssertionException($"Expected {string.Join(", ", eventTypes.Select(t => t.Name))} in that order, but {type.Name} is missing after the ones before it. The history: {Describe(history)}.");
            }

            at++;
        }
    }

    /// <summary>The history holds exactly one event of type <typeparamref name="T"/> that matches; it is returned.</summary>
    public static T One<T>(IReadOnlyList<ComplaintEvent> history, Func<T, bool>? match = null)
        where T : ComplaintEventData
    {
        ArgumentNullException.ThrowIfNull(history);
        var found = history.Select(e => e.Data).OfType<T>().Where(d => match?.Invoke(d) ?? true).ToList();
        return found.Count == 1 ? found[0]
            : throw new ComplaintAssertionException($"Expected one {typeof(T).Name}{(match is null ? string.Empty : " that matches")}, but found {found.Count}. The history: {Describe(history)}.");
    }

    /// <summary>The history holds no event of type <typeparamref name="T"/>.</summary>
    public static void None<T>(IReadOnlyList<ComplaintEvent> history)
        where T : ComplaintEventData
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.FirstOrDefault(e => e.Data is T) is { } found)
        {
            throw new ComplaintAssertionException($"Expected no {typeof(T).Name}, but event {found.Sequence} is one. The history: {Describe(history)}.");
        }
    }

    /// <summary>
    /// The events are numbered 1, 2, 3… with no gap and none twice, as every store must keep them. An empty history
    /// fails: every case has at least its opening, so none means the case was not found.
    /// </summary>
    public static void IsNumberedFromOne(IReadOnlyList<ComplaintEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ComplaintAssertionException("Expected a history numbered from 1, but it is empty: every case has at least its opening, so the case was not found.");
        }

        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Sequence != i + 1)
            {
                throw new ComplaintAssertionException($"Expected event {i + 1} at position {i + 1}, but found event {history[i].Sequence}. The history: {Describe(history)}.");
            }
        }
    }

    private static string Describe(IReadOnlyList<ComplaintEvent> history) =>
        history.Count == 0 ? "(empty)" : string.Join(", ", history.Select(e => $"{e.Sequence} {e.Data.GetType().Name}"));
}
