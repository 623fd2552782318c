using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Time;

namespace ComplaintFlow.Reports;

/// <summary>The report rows of a case: its row from the snapshot, and its facts and spells from its events.</summary>
internal static class CaseReporting
{
    /// <summary>
    /// What one save changes: the new events folded from the case as it was before; null when the save changes no
    /// report row at all (a new owner or severity, say), so such a save writes nothing to the report tables.
    /// </summary>
    public static CaseReportUpdate? Update(ComplaintCase before, ComplaintCase after, IReadOnlyList<ComplaintEvent> events, BusinessCalendar calendar, CaseEndRules ends)
    {
        var facts = new List<ReportFact>();
        var spells = new List<ReportSpell>();
        var state = ReportFacts.State.Of(before);
        foreach (var e in events)
        {
            ReportFacts.Fold(state, e, calendar, facts, spells);
        }

        // A case whose outcome this change cleared keeps its last decided one's groups; one cleared earlier gets none
        // here, and the stored row keeps what it has (ReportSql.Writes), as a rebuild's fold of the history gives.
        var row = Row(after, calendar, ends, state.LastOutcome);
        return facts.Count == 0 && spells.Count == 0 && before.Version > 0 && SameRow(Row(before, calendar, ends, before.Outcome), row) ? null : new CaseReportUpdate(row, facts, spells);
    }

    // Records compare lists by reference, so the categories are compared apart.
    private static bool SameRow(ReportCaseRow a, ReportCaseRow b) =>
        a with { Categories = b.Categories } == b && a.Categories.SequenceEqual(b.Categories, StringComparer.Ordinal);

    /// <summary>All of a case's rows from its whole history, for rebuilding them and for stores that report from memory.</summary>
    public static (ReportCaseRow Row, List<ReportFact> Facts, List<ReportSpell> Spells) FromHistory(ComplaintCase complaint, IReadOnlyList<ComplaintEvent> history, BusinessCalendar calendar, CaseEndRules ends)
    {
        var facts = new List<ReportFact>();
        var changes = new List<ReportSpell>();
        var state = new ReportFacts.State { ReceivedAt = complaint.ReceivedAt };
        foreach (var e in history)
        {
            ReportFacts.Fold(state, e, calendar, facts, changes);
        }

        return (Row(complaint, calendar, ends, state.LastOutcome), facts, Merge(changes));
    }

    /// <summary>Spell starts and ends merged into whole spells, as a store holds them.</summary>
    public static List<ReportSpell> Merge(IEnumerable<ReportSpell> changes)
    {
        var spells = new List<ReportSpell>();
        foreach (var change in changes)
        {
            if (change.OpenedAt is not null)
            {
                spells.Add(change);
                continue;
            }

            // An end applies once: a spell already ended (closed, then reopened) keeps its first end.
            var at = spells.FindLastIndex(s => s.Number == change.Number);
            if (at >= 0 && spells[at].EndedAt is null)
            {
                spells[at] = spells[at] with { EndedAt = change.EndedAt };
            }
        }

        return spells;
    }

    public static ReportCaseRow Row(ComplaintCase c, BusinessCalendar calendar, CaseEndRules ends, Outcomes.CaseOutcome? lastDecided)
    {
        var received = calendar.LocalDateOf(c.ReceivedAt);
        var week = received.AddDays(-(((int)received.DayOfWeek + 6) % 7));
        var decided = c.Outcome ?? lastDecided;
        var product = decided?.Product;
        var cause = decided?.RootCause;
        var firstResponse = c.Communications.Where(m => m.Kind is CommunicationKind.CfpbInProgress or CommunicationKind.CfpbResponse).Select(m => (long?)m.SentAt.UtcTicks).Min();
        var finalResponse = c.Communications.Where(m => m.Kind == CommunicationKind.CfpbResponse).Select(m => (long?)m.SentAt.UtcTicks).Min();
        var paid = c.Redress.Where(r => r.Amount is not null).Select(r => r.Amount!.Value).ToList();
        var currency = paid.Count == 0 ? null : paid[0].Currency;
        return new ReportCaseRow(
            c.Id,
            c.CustomerRef,
            c.ReceivedAt.UtcTicks,
            Date(received),
            Date(week),
            received.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            c.Channel,
            c.Team,
            c.Tier,
            product,
            ends.Product(product)?.ReportingGroup,
            cause,
            ends.RootCause(cause)?.ReportingGroup,
            c.Outcome?.Decision.ToString(),
            c.Step switch { Process.StepIds.Closed => "closed", Process.StepIds.Withdrawn => "withdrawn", _ => "open" },
            c.ClosedAt?.UtcTicks,
            c.ClosedAt is { } closed ? Date(calendar.LocalDateOf(closed)) : null,
            firstResponse,
            finalResponse,
            CaseEndRules.DeadlineOf(c, ClockPresets.CfpbResponse)?.UtcTicks,
            CaseEndRules.DeadlineOf(c, ClockPresets.CfpbFinalResponse)?.UtcTicks,
            paid.Where(m => m.Currency == currency).Sum(ReportFacts.MinorUnits),
            currency,
            c.Redress.Any(r => r.Kind == RedressKind.RemedialAction),
            c.Categories.IsDefault ? [] : c.Categories);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
