using System.Globalization;
using ComplaintFlow.Events;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>How the demo shows cases: a list, one case's timeline, its clocks.</summary>
internal static class CaseView
{
    public static void List(IAnsiConsole console, IReadOnlyList<ComplaintCase> cases, DateTimeOffset now)
    {
        if (cases.Count == 0)
        {
            console.MarkupLine("[grey]No cases yet.[/]");
            return;
        }

        var table = new Table().AddColumns("#", "Customer", "Summary", "Step", "Owner", "Tier", "Next deadline");
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(c.CustomerRef),
                Markup.Escape(Shorten(c.Summary, 40)),
                c.Step,
                Markup.Escape(c.Owner?.DisplayName ?? "-"),
                c.Tier,
                c.NextDueAt is { } due ? Remaining(due - now) : "-");
        }

        console.Write(table);
    }

    public static void Timeline(IAnsiConsole console, ComplaintCase complaint, IReadOnlyList<ComplaintEvent> history)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(complaint.CustomerRef)}[/]: {Markup.Escape(Shorten(complaint.Summary, 60))}").LeftJustified());
        var table = new Table().AddColumns("#", "When (UTC)", "Who", "What", "Step after");
        foreach (var e in history)
        {
            table.AddRow(
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.OccurredAt.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(e.Actor.DisplayName),
                Markup.Escape(Describe(e.Data)),
                e.Step);
        }

        console.Write(table);
        console.MarkupLine($"Now at [bold]{complaint.Step}[/], tier [bold]{complaint.Tier}[/], owner {Markup.Escape(complaint.Owner?.DisplayName ?? "nobody")}, version {complaint.Version}.");
    }

    public static void Clocks(IAnsiConsole console, IReadOnlyList<ClockReading> clocks)
    {
        if (clocks.Count == 0)
        {
            console.MarkupLine("[grey]No clocks on this case.[/]");
            return;
        }

        var table = new Table().AddColumns("Clock", "Status", "Due (UTC)", "Business time left", "Warned", "Breached");
        foreach (var k in clocks)
        {
            table.AddRow(
                k.Name + (k.Regulatory ? " (regulatory)" : string.Empty),
                k.Status.ToString(),
                k.DueAt.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture),
                k.Status == ClockStatus.Stopped ? "-" : Remaining(k.Remaining),
                k.Warned ? "[yellow]yes[/]" : "no",
                k.Breached ? "[red]yes[/]" : "no");
        }

        console.Write(table);
    }

    public static string Describe(ComplaintEventData data) => data switch
    {
        ComplaintOpened o => $"Opened via {o.Channel}: {Shorten(o.Summary, 50)}",
        ComplaintAcknowledged => "Acknowledged, with an owner named",
        StatementRecorded s => $"Statement: {Shorten(s.Text, 50)}",
        ResolutionProposed p => $"Proposal {p.Proposal.Number}: {string.Join(" + ", p.Proposal.Remedies.Select(r => r.Description))}",
        ProposalRejected r => $"Proposal {r.ProposalNumber} rejected" + (r.CounterSuggestion is { } s ? $"; customer suggests: {Shorten(s, 40)}" : string.Empty),
        ProposalAccepted a => $"Proposal {a.ProposalNumber} accepted",
        FulfilmentRecorded f => $"Fulfilled: {Shorten(f.Description, 40)}",
        FollowUpRecorded f => f.Satisfied ? "Follow-up: satisfied" : "Follow-up: not satisfied",
        ComplaintEscalated e => $"Escalated to {e.ToTier}{(e.ToTeam is { } team ? $" ({team})" : string.Empty)}: {Shorten(e.Reason, 50)}",
        ClockWarned w => $"Clock '{w.Name}' warning",
        ClockBreached b => $"Clock '{b.Name}' BREACHED",
        ClocksChanged c => $"Clocks: {string.Join(", ", c.Changes.Select(k => $"{k.Name} {k.Kind.ToString().ToLowerInvariant()}"))}",
        ComplaintWithdrawn w => $"Withdrawn: {Shorten(w.Reason ?? "no reason given", 50)}",
        ComplaintReopened r => $"Reopened: {Shorten(r.Reason, 50)}",
        ComplaintClosed c => $"Closed ({c.Reason})",
        OutcomeRecorded o => $"Outcome: {o.Outcome.Decision}",
        FinalResponseIssued f => $"Final response: {f.Outcome.Decision}" + (f.Offer is { } offer ? $", offering {string.Join(" + ", offer.Remedies.Select(r => r.Description))}" : ", nothing offered"),
        CommunicationRecorded m => $"Sent: {Humanise(m.Communication.Kind.ToString()).ToLowerInvariant()} by {m.Communication.Channel}",
        RedressRecorded r => $"Paid or done: {r.Entry.Kind}" + (r.Entry.Amount is { } amount ? $" {amount.Currency} {amount.Amount:0.00}" : string.Empty),
        _ => Humanise(data.GetType().Name),
    };

    private static string Remaining(TimeSpan left) => left < TimeSpan.Zero
        ? $"[red]overdue {Span(-left)}[/]"
        : Span(left);

    private static string Span(TimeSpan t) => t.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours}h")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Hours}h {t.Minutes}m");

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Humanise(string typeName) =>
        string.Concat(typeName.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
}
