using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>
/// Seven complaint stories told end to end through the public API, as the guides describe them, each followed by a
/// summary of what the library recorded.
/// </summary>
internal sealed class ScriptedStories(Demo demo, IAnsiConsole console)
{
    private static readonly Actor Agent = Cast.Agent;
    private static readonly Actor Supervisor = Cast.Supervisor;

    // Each run tells its stories about customers of its own: run again on the same file, the same customers would
    // complain for the third time in the repeat-complainant window, and their cases would start escalated.
    private readonly string _session = Guid.NewGuid().ToString("N")[..4];

    private IComplaintDesk Desk => demo.Desk;

    private string Customer(string name) => $"{name}-{_session}";

    public async Task<int> RunAllAsync()
    {
        (string Title, string Premise, Func<Task<ComplaintCase>> Story)[] stories =
        [
            ("1. A late delivery, settled with a credit", "The parcel came two weeks late; the customer wants the delivery charge back.", LateDeliveryAsync),
            ("2. A rejected proposal, then the customer's own idea", "The first offer does not suit; the customer suggests a replacement instead.", CustomersOwnSuggestionAsync),
            ("3. A refund beyond the agent's authority", "The agent offers a refund larger than an agent may give; a supervisor takes over.", RefundBeyondAuthorityAsync),
            ("4. An unhappy follow-up reopens the case", "The fix did not work; the follow-up call sends the case back to listening.", UnsatisfiedFollowUpAsync),
            ("5. A complaint nobody acknowledged", "No one picks the case up; its acknowledgement clock breaches and a supervisor is brought in.", UnacknowledgedAsync),
            ("6. A withdrawal", "The customer finds the parcel with a neighbour and withdraws the complaint.", WithdrawalAsync),
            ("7. Not upheld: a final response with referral rights", "The customer disputes a fee the contract allows; two offers are refused, and a supervisor answers with a final response.", NotUpheldAsync),
        ];

        var summary = new Table().AddColumns("Story", "Final step", "Tier", "Outcome", "Events");
        foreach (var (title, premise, story) in stories)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold green]{Markup.Escape(title)}[/]").LeftJustified());
            console.MarkupLine($"[grey]{Markup.Escape(premise)}[/]");
            var c = await story();
            var history = await Desk.GetHistoryAsync(c.Id);
            CaseView.Timeline(console, c, history);
            summary.AddRow(Markup.Escape(title), c.Step, c.Tier, c.Outcome?.Decision.ToString() ?? "-", history.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.WriteLine();
        console.Write(new Rule("[bold]All seven stories[/]").LeftJustified());
        console.Write(summary);
        await ReportView.ShowAsync(console, demo.Reports, demo.SessionPeriod);
        return stories.Length;
    }

    private async Task<ComplaintCase> LateDeliveryAsync()
    {
        var c = await HeardAndUnderstoodAsync(Customer("cust-late"), "Birthday parcel arrived two weeks late", "The present came after the party.", "It arrived too late for the party; nothing was damaged.");
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The delivery charge back." });
        c = await Desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = c.Id,
            Actor = Agent,
            Remedies = [new Remedy(RemedyKind.Refund, "Delivery charge refunded", new Money(4.99m, "GBP")), new Remedy(RemedyKind.Goodwill, "Credit for the next order", new Money(10m, "GBP"))],
            Explanation = "We refund the delivery and add a credit for the disappointment.",
        });
        c = await Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 });
        c = await Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = Outcomes.ComplaintOutcome.Upheld, Reasons = "The parcel was late.", Product = "store-card", RootCause = "late-delivery" });
        await demo.AdvanceAsync(TimeSpan.FromHours(1));
        c = await Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Refund and credit issued", Reference = "RF-101" });
        c = await Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = Outcomes.RedressKind.RefundOfLoss, Amount = new Money(4.99m, "GBP"), Description = "Delivery charge refunded", Reference = "RF-101" });
        c = await Desk.ExecuteAsync(new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = Outcomes.RedressKind.Goodwill, Amount = new Money(10m, "GBP"), Description = "Credit for the next order", Reference = "RF-102" });
        c = await Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = Outcomes.CommunicationKind.SummaryResolution, Channel = Channel.Email, Reference = "SRC-101" });
        console.MarkupLine("  Resolved within three business days, so a summary resolution communication ends it under the FCA rules (DISP 1.5).");
        await demo.AdvanceAsync(TimeSpan.FromDays(2));
        return await Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 5, Comment = "Thanks for sorting it." });
    }

    private async Task<ComplaintCase> CustomersOwnSuggestionAsync()
    {
        var c = await HeardAndUnderstoodAsync(Customer("cust-kettle"), "Kettle leaks from the base", "Water pools under the kettle after each boil.", "The kettle leaks from its base every time it boils.");
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Replacement, Details = "A kettle that works." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Repair, "Free repair at our service centre")], Explanation = "We can repair it for free." });
        c = await Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, CounterSuggestion = "A replacement by next-day courier; I can't be without a kettle for a week." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Replacement, "Replacement by next-day courier")], Explanation = "As you suggested: a new kettle tomorrow." });
        c = await Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 2 });
        c = await Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = Outcomes.ComplaintOutcome.Upheld, Reasons = "The kettle was faulty.", Product = "store-card", RootCause = "faulty-goods" });
        return await Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Replacement shipped", Reference = "SHIP-7" });
    }

    private async Task<ComplaintCase> RefundBeyondAuthorityAsync()
    {
        var c = await HeardAndUnderstoodAsync(Customer("cust-sofa"), "Sofa delivered in the wrong colour", "It is grey, I ordered green.", "The sofa came in grey rather than the green ordered.");
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "A full refund and collection." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(450m, "GBP"))], Explanation = "A full refund and we collect the sofa." });
        console.MarkupLine($"  The agent may refund up to £100, so the proposal was not recorded: the case is now with the [bold]{c.Tier}[/] tier, still at {c.Step}.");
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Supervisor, Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(450m, "GBP"))], Explanation = "A full refund and we collect the sofa this week." });
        c = await Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Supervisor, ProposalNumber = 1 });
        return await Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Supervisor, Description = "Refund paid; collection booked", Reference = "RF-450" });
    }

    private async Task<ComplaintCase> UnsatisfiedFollowUpAsync()
    {
        var c = await HeardAndUnderstoodAsync(Customer("cust-wifi"), "Router keeps dropping the connection", "It drops every evening.", "The router loses the connection every evening.");
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Repair, Details = "A connection that stays up." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Repair, "Remote firmware update")], Explanation = "We push a firmware fix tonight." });
        c = await Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 });
        c = await Desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Firmware updated" });
        await demo.AdvanceAsync(TimeSpan.FromDays(3));
        return await Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = false, Csat = 2, Comment = "Still drops every night." });
    }

    private async Task<ComplaintCase> UnacknowledgedAsync()
    {
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = Customer("cust-quiet"), Summary = "Charged twice for one order", Channel = Channel.Email, Actor = Agent });
        console.MarkupLine("  Nobody acknowledges it. The clock is wound on a day at a time...");
        for (var day = 1; day <= 14 && !c.Clocks.Any(k => k.Breached); day++)
        {
            await demo.AdvanceAsync(TimeSpan.FromDays(1));
            c = await Desk.GetAsync(c.Id);
            console.MarkupLine($"  day {day}: {string.Join(", ", c.Clocks.Select(k => $"{k.Name} {(k.Breached ? "[red]breached[/]" : k.Warned ? "[yellow]warned[/]" : "running")}"))}");
        }

        return c;
    }

    private async Task<ComplaintCase> WithdrawalAsync()
    {
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = Customer("cust-neighbour"), Summary = "Parcel marked delivered but not here", Channel = Channel.Phone, Actor = Agent });
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent, Message = "Sorry about this; I'm on it." });
        return await Desk.ExecuteAsync(new WithdrawComplaint { CaseId = c.Id, Actor = Agent, Reason = "The customer found the parcel with a neighbour." });
    }

    private async Task<ComplaintCase> NotUpheldAsync()
    {
        var c = await HeardAndUnderstoodAsync(Customer("cust-fee"), "Charged a late-return fee", "I returned the hire car two hours late and was charged a full day.", "You were charged a full day's hire for returning the car two hours late.");
        c = await Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The whole fee back." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "A goodwill credit", new Money(10m, "GBP"))], Explanation = "The fee is in the hire terms, but we can offer a goodwill credit." });
        c = await Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, CounterSuggestion = "The whole fee back." });
        c = await Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "A larger goodwill credit", new Money(20m, "GBP"))], Explanation = "A larger credit, as a gesture." });
        c = await Desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 2, CounterSuggestion = "The whole fee back, or I go to the ombudsman." });
        console.MarkupLine($"  Two offers refused: the case is now with the [bold]{c.Tier}[/] tier (PR-09).");
        await demo.AdvanceAsync(TimeSpan.FromDays(2));
        c = await Desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = c.Id,
            Actor = Supervisor,
            Decision = Outcomes.ComplaintOutcome.NotUpheld,
            Reasons = "The hire terms you agreed charge a full day for a late return, and the car came back two hours late.",
            Product = "store-card",
            RootCause = "fee-dispute",
            Channel = Channel.Email,
            Reference = "FR-7",
        });
        var letter = await Desk.GetLetterAsync(c.Id, Outcomes.CommunicationKind.FinalResponse);
        console.MarkupLine($"  Final response sent: [bold]{letter.Outcome!.Decision}[/]; the letter's referral text says: [italic]{Markup.Escape(letter.ReferralText ?? "(this preset names no referral body)")}[/]");
        await demo.AdvanceAsync(TimeSpan.FromDays(3));
        return await Desk.ExecuteAsync(new WaiveFollowUp { CaseId = c.Id, Actor = Supervisor, Reason = "The customer said they will take it to the ombudsman and want no further calls." });
    }

    private async Task<ComplaintCase> HeardAndUnderstoodAsync(string customer, string summary, string statement, string paraphrase)
    {
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = summary, Channel = Channel.Email, Actor = Agent });
        c = await Desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent, Message = "Thank you for telling us, and I'm sorry. I'll look after this myself." });
        c = await Desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Agent, Text = statement });
        c = await Desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = paraphrase });
        return await Desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Agent });
    }
}
