using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Time;

namespace ComplaintFlow.Reports;

/// <summary>
/// Turns a case's events into report facts and open spells, one event at a time, carrying what later facts need (the
/// receipt, reopenings, escalation, proposals, the decision). The same fold serves a save (from the case as it was)
/// and a rebuild (from the start of the history), so both give the same rows.
/// </summary>
/// <remarks>
/// Kinds and their columns: <c>received</c> (at receipt); <c>acknowledged</c> and <c>resolved</c> (business and
/// calendar seconds since receipt; resolved by a fulfilment, or by a final answer offering nothing; one a round, the
/// last); <c>closed</c>
/// (key: the decision; flag: resolved at first contact, that is never reopened, never escalated, at most one proposal;
/// value: 1 within three business days of receipt, 2 within eight weeks, 3 later); <c>withdrawn</c>;
/// <c>reopened</c>; <c>escalated</c> (key: cause); <c>clock-met</c> and <c>clock-missed</c> (key: clock, when a
/// clock stops); <c>clock-warned</c> (key: clock); <c>follow-up</c> (key: the CSAT score or empty; flag: satisfied);
/// <c>redress</c> (key: the redress kind; currency and minor units when money was paid).
/// </remarks>
internal static class ReportFacts
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";
    public const string Reopened = "reopened";
    public const string Escalated = "escalated";
    public const string ClockMet = "clock-met";
    public const string ClockMissed = "clock-missed";
    public const string ClockWarned = "clock-warned";
    public const string FollowUp = "follow-up";
    public const string Redress = "redress";

    /// <summary>What the fold carries from one event to the next.</summary>
    internal sealed class State
    {
        public DateTimeOffset ReceivedAt { get; set; }

        public int Reopens { get; set; }

        public bool Escalated { get; set; }

        public int Proposals { get; set; }

        public string? Decision { get; set; }

        /// <summary>
        /// The latest decided outcome, kept when a reopening or a send-back clears the case's: the case's reporting
        /// groups are its last decided ones, so a past period's return does not move when the case is reopened later.
        /// </summary>
        public Outcomes.CaseOutcome? LastOutcome { get; set; }

        /// <summary>The state a case's earlier events left: read from the case as it was before a change.</summary>
        public static State Of(ComplaintCase before) => new()
        {
            ReceivedAt = before.ReceivedAt,
            Reopens = before.ReopenCount,
            Escalated = !before.EscalationCauses.IsDefaultOrEmpty,
            Proposals = before.Proposals.Length,
            Decision = before.Outcome?.Decision.ToString(),
            LastOutcome = before.Outcome,
        };
    }

    /// <summary>
    /// A round is resolved once, when it is last resolved: a fulfilment a later step sent back and that was carried out
    /// again replaces the round's earlier resolution. Resolutions folded here are replaced in the list; stored ones by
    /// the save's statements (ReportSql.Writes).
    /// </summary>
    private static void Resolve(List<ReportFact> facts, ReportFact resolved)
    {
        for (var i = facts.Count - 1; i >= 0 && facts[i].Kind != Reopened; i--)
        {
            if (facts[i].Kind == Resolved)
            {
                facts.RemoveAt(i);
            }
        }

        facts.Add(resolved);
    }

    /// <summary>The facts and spell changes one event makes.</summary>
    public static void Fold(State state, ComplaintEvent e, BusinessCalendar calendar, List<ReportFact> facts, List<ReportSpell> spells)
    {
        var at = e.OccurredAt.UtcTicks;
        ReportFact Fact(string kind, string key = "", bool flag = false, long? value = null) => new(e.CaseId, e.Sequence, kind, at, key, flag, value);
        ReportFact Measured(string kind) => new(e.CaseId, e.Sequence, kind, at, BusinessSeconds: Seconds(calendar.Elapsed(state.ReceivedAt, e.OccurredAt)), CalendarSeconds: Seconds(e.OccurredAt - state.ReceivedAt));

        switch (e.Data)
        {
            case ComplaintOpened opened:
                state.ReceivedAt = opened.ReceivedAt;
                facts.Add(new ReportFact(e.CaseId, e.Sequence, Received, opened.ReceivedAt.UtcTicks));
                spells.Add(new ReportSpell(e.CaseId, 0, opened.ReceivedAt.UtcTicks, null));
                break;
            case ComplaintAcknowledged:
                facts.Add(Measured(Acknowledged));
                break;
            case FulfilmentRecorded:
                Resolve(facts, Measured(Resolved));
                break;
            case ResolutionProposed:
                state.Proposals++;
                break;
            case OutcomeRecorded recorded:
                state.Decision = recorded.Outcome.Decision.ToString();
                state.LastOutcome = recorded.Outcome;
                break;
            case FinalResponseIssued issued:
                state.Decision = issued.Outcome.Decision.ToString();
                state.LastOutcome = issued.Outcome;
                if (issued.Offer is null)
                {
                    Resolve(facts, Measured(Resolved));
                }
                else
                {
                    state.Proposals++;
                }

                break;
            case ComplaintEscalated escalated:
                state.Escalated = true;
                facts.Add(Fact(Escalated, escalated.Cause));
                break;
            case ComplaintReopened:
                // An earlier closure no longer counts as first-contact: the case was reopened after all. Closures folded
                // here are corrected in the list; stored ones by the save's statements (ReportSql.Writes).
                for (var i = 0; i < facts.Count; i++)
                {
                    if (facts[i] is { Kind: Closed, Flag: true } firstContact)
                    {
                        facts[i] = firstContact with { Flag = false };
                    }
                }

                // A follow-up that reopens the case never closed it: its spell ends where the new one starts.
                spells.Add(new ReportSpell(e.CaseId, state.Reopens, null, at));
                state.Reopens++;
                state.Decision = null;
                facts.Add(Fact(Reopened));
                spells.Add(new ReportSpell(e.CaseId, state.Reopens, at, null));
                break;
            case ComplaintClosed:
                facts.Add(Fact(Closed, state.Decision ?? string.Empty, state.Reopens == 0 && !state.Escalated && state.Proposals <= 1, FcaBucket(state.ReceivedAt, e.OccurredAt, calendar)));
                spells.Add(new ReportSpell(e.CaseId, state.Reopens, null, at));
                break;
            case ComplaintWithdrawn:
                facts.Add(Fact(Withdrawn));
                spells.Add(new ReportSpell(e.CaseId, state.Reopens, null, at));
                break;
            case ClocksChanged changed:
                foreach (var change in changed.Changes)
                {
                    if (change.Kind == ClockChangeKind.Stopped && change.Met is { } met)
                    {
                        facts.Add(Fact(met ? ClockMet : ClockMissed, change.Name));
                    }
                }

                break;
            case Events.ClockWarned warned:
                facts.Add(Fact(ClockWarned, warned.Name));
                break;
            case FollowUpRecorded followUp:
                facts.Add(Fact(FollowUp, followUp.Csat?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, followUp.Satisfied));
                break;
            case RedressRecorded redress:
                facts.Add(redress.Entry.Amount is { } money
                    ? new ReportFact(e.CaseId, e.Sequence, Redress, at, redress.Entry.Kind.ToString(), Currency: money.Currency, MinorUnits: MinorUnits(money))
                    : Fact(Redress, redress.Entry.Kind.ToString()));
                break;
        }
    }

    /// <summary>The money in whole minor units, so sums are exact in every store.</summary>
    public static long MinorUnits(Money money) => (long)decimal.Round(money.Amount * Scale(money.Currency), 0, MidpointRounding.ToEven);

    public static decimal FromMinorUnits(long units, string currency) => units / Scale(currency);

    private static decimal Scale(string currency)
    {
        var digits = Validation.Currencies.IsKnown(currency) ? Validation.Currencies.MinorUnits(currency) ?? 0 : 2;
        var scale = 1m;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10m;
        }

        return scale;
    }

    /// <summary>
    /// The UK return's time bands: by the close of the third business day, by the end of eight weeks, or later. "By"
    /// includes the instant itself in both, as the clocks count a deadline met when stopped exactly at it.
    /// </summary>
    private static long FcaBucket(DateTimeOffset receivedAt, DateTimeOffset closedAt, BusinessCalendar calendar) =>
        closedAt <= calendar.CloseOfBusinessDay(receivedAt, 3) ? 1 : closedAt <= calendar.EndOfCalendarDay(receivedAt, 56) ? 2 : 3;

    private static long Seconds(TimeSpan span) => (long)Math.Round(span.TotalSeconds, MidpointRounding.ToEven);
}
