using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Reports;
using ComplaintFlow.Time;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// A month of 30 scripted complaints, the data of <see cref="ReportContract"/>'s hand-calculated tests. Calendar: UTC,
/// Monday to Friday 09:00-17:00. One clock: acknowledge by the close of the next business day. The period is March
/// 2026 (2 March is a Monday).
/// </summary>
/// <remarks>
/// The cases, in time order:
/// <code>
/// F1  c-f1  cards      received Mon 23 Feb 10:00, ack 11:00; in March (Tue 10) agreed, fulfilled 16:00, follow-up 16:30 csat 4 -> closed
/// F2  c-f2  cards      received Tue 24 Feb 10:00, withdrawn Wed 25 Feb 10:00
/// F3  c-f3  mortgages  received Wed 25 Feb 10:00, ack 10:30; still open on 1 April
/// H1..H20              one a business day, 2 to 27 March: received 09:00, ack 09:30, agreed 10:30, outcome recorded,
///                      fulfilled with a GBP 20 refund 11:00, follow-up 12:00 (satisfied); H19 is customer c-f1, H20 c-f3
///                      categories: H1-H12 cards, H13-H20 mortgages; products card / mortgage accordingly
///                      causes: H1-H10 fees, H11-H20 service; decisions: H1-H14 upheld, H15-H20 partly upheld
///                      csat: H1-H10 5, H11-H16 4, H17-H20 3
/// S1  c-s1  cards      received Tue 3 Mar 13:00, ack 13:30, withdrawn Wed 4 Mar 13:00
/// S2  c-s2  cards      received Mon 9 Mar 13:00, ack 13:30, two proposals rejected (escalated: repeated-rejections),
///                      final response not upheld (card, fees) Mon 16 Mar 10:00, follow-up waived 11:00 -> closed
/// S3  c-s3  mortgages  received Tue 10 Mar 13:00, ack 13:30, agreed 14:00, fulfilled 14:30, follow-up 15:00 not satisfied
///                      (csat 2) -> reopened, open on 1 April
/// S4  c-s4  cards      received Wed 11 Mar 13:00, ack 13:30, asks for a manager 14:00 (escalated: manager-requested);
///                      the manager agrees 14:30, fulfils 15:00, follow-up 16:00 csat 3 -> closed
/// S5  c-s5  mortgages  received Thu 12 Mar 16:00, ack Mon 16 Mar 10:00 (late: due Fri 13 Mar 17:00); open on 1 April
/// S6  c-s6  cards      received Mon 30 Mar 10:00, ack 10:30; open on 1 April
/// S7  c-s7             received Wed 1 Apr 10:00: after the period
/// </code>
/// </remarks>
internal static class MarchScript
{
    public static readonly DateTimeOffset Start = Z("2026-02-23T09:00:00Z");
    public static readonly ReportPeriod March = new(Z("2026-03-01T00:00:00Z"), Z("2026-04-01T00:00:00Z"));
    private static readonly Actor Agent = new("a-001", "Sam Agent", "agent");
    private static readonly Actor Supervisor = new("s-001", "Pat Supervisor", "supervisor");
    private static readonly Actor Manager = new("m-001", "Lee Manager", "manager");

    private static DateTimeOffset Z(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Runs the month's script on a desk over the given store.</summary>
    public static async Task<ReportDesk> RunAsync(Action<ComplaintFlowBuilder> useStore)
    {
        var t = new ReportDesk(useStore, Configure, Start);
        var script = new List<(DateTimeOffset At, Func<Task> Step)>();
        var ids = new Dictionary<string, ComplaintId>();
        var desk = t.Desk;
        void At(string iso, Func<Task> step) => script.Add((Z(iso), step));
        Func<Task> Open(string name, string customer, string category) => async () => ids[name] = (await desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Complaint " + name, Channel = Channel.Phone, Actor = Agent, Categories = [category] })).Id;
        Func<Task> Run(string name, Func<ComplaintId, ComplaintCommand> command) => async () => await desk.ExecuteAsync(command(ids[name]));
        Func<Task> Agree(string name, Actor actor, decimal amount) => async () =>
        {
            var id = ids[name];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = actor, Text = "What happened." });
            await desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = actor, Text = "So this happened." });
            await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = actor });
            await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = actor, Kind = RemedyKind.Refund, Details = "Money back" });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = actor, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(amount, "GBP"))], Explanation = "A refund" });
            await desk.ExecuteAsync(new AcceptProposal { CaseId = id, Actor = actor, ProposalNumber = 1 });
        };

        // February.
        At("2026-02-23T10:00:00Z", Open("F1", "c-f1", "cards"));
        At("2026-02-23T11:00:00Z", Run("F1", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-02-24T10:00:00Z", Open("F2", "c-f2", "cards"));
        At("2026-02-25T10:00:00Z", Run("F2", id => new WithdrawComplaint { CaseId = id, Actor = Agent }));
        At("2026-02-25T10:00:00Z", Open("F3", "c-f3", "mortgages"));
        At("2026-02-25T10:30:00Z", Run("F3", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));

        // H1..H20, one a business day from 2 March.
        var day = new DateOnly(2026, 3, 2);
        for (var i = 1; i <= 20; i++, day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1))
        {
            var name = $"H{i}";
            var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (cards, upheld, fees, csat) = (i <= 12, i <= 14, i <= 10, i <= 10 ? 5 : i <= 16 ? 4 : 3);
            At($"{d}T09:00:00Z", Open(name, i == 19 ? "c-f1" : i == 20 ? "c-f3" : $"c-h{i}", cards ? "cards" : "mortgages"));
            At($"{d}T09:30:00Z", Run(name, id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
            At($"{d}T10:30:00Z", Agree(name, Agent, 20m));
            At($"{d}T10:30:00Z", Run(name, id => new RecordOutcome { CaseId = id, Actor = Agent, Decision = upheld ? ComplaintOutcome.Upheld : ComplaintOutcome.PartlyUpheld, Reasons = "We got it wrong.", Product = cards ? "card" : "mortgage", RootCause = fees ? "fees" : "service" }));
            At($"{d}T11:00:00Z", Run(name, id => new RecordRedress { CaseId = id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(20m, "GBP"), Description = "Refund" }));
            At($"{d}T11:00:00Z", Run(name, id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Refunded" }));
            At($"{d}T12:00:00Z", Run(name, id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = csat }));
        }

        // The special cases.
        At("2026-03-03T13:00:00Z", Open("S1", "c-s1", "cards"));
        At("2026-03-03T13:30:00Z", Run("S1", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-04T13:00:00Z", Run("S1", id => new WithdrawComplaint { CaseId = id, Actor = Agent }));

        At("2026-03-09T13:00:00Z", Open("S2", "c-s2", "cards"));
        At("2026-03-09T13:30:00Z", Run("S2", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-09T14:00:00Z", async () =>
        {
            var id = ids["S2"];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "The fee." });
            await desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = Agent, Text = "The fee is unfair." });
            await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = Agent });
            await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The fee back" });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "Goodwill", new Money(30m, "GBP"))], Explanation = "A gesture" });
            await desk.ExecuteAsync(new RejectProposal { CaseId = id, Actor = Agent, ProposalNumber = 1 });
            await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Goodwill, "Goodwill", new Money(40m, "GBP"))], Explanation = "A larger gesture" });
            await desk.ExecuteAsync(new RejectProposal { CaseId = id, Actor = Agent, ProposalNumber = 2 });
        });
        At("2026-03-16T10:00:00Z", Run("S2", id => new IssueFinalResponse { CaseId = id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the terms.", Product = "card", RootCause = "fees", Channel = Channel.Letter }));
        At("2026-03-16T11:00:00Z", Run("S2", id => new WaiveFollowUp { CaseId = id, Actor = Supervisor, Reason = "The customer wants no further contact." }));

        At("2026-03-10T13:00:00Z", Open("S3", "c-s3", "mortgages"));
        At("2026-03-10T13:30:00Z", Run("S3", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-10T14:00:00Z", Agree("S3", Agent, 20m));
        At("2026-03-10T14:30:00Z", Run("S3", id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Done" }));
        At("2026-03-10T15:00:00Z", Run("S3", id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = false, Csat = 2 }));

        At("2026-03-10T15:30:00Z", Agree("F1", Agent, 20m));
        At("2026-03-10T16:00:00Z", Run("F1", id => new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Done" }));
        At("2026-03-10T16:30:00Z", Run("F1", id => new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = 4 }));

        At("2026-03-11T13:00:00Z", Open("S4", "c-s4", "cards"));
        At("2026-03-11T13:30:00Z", Run("S4", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-03-11T14:00:00Z", async () =>
        {
            var id = ids["S4"];
            await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "I want a manager." });
            await desk.ExecuteAsync(new RecordManagerRequest { CaseId = id, Actor = Agent, CustomerWords = "A manager, please." });
        });
        At("2026-03-11T14:30:00Z", Agree("S4", Manager, 20m));
        At("2026-03-11T15:00:00Z", Run("S4", id => new RecordFulfilment { CaseId = id, Actor = Manager, Description = "Done" }));
        At("2026-03-11T16:00:00Z", Run("S4", id => new RecordFollowUp { CaseId = id, Actor = Manager, Satisfied = true, Csat = 3 }));

        At("2026-03-12T16:00:00Z", Open("S5", "c-s5", "mortgages"));
        At("2026-03-16T10:00:00Z", Run("S5", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));

        At("2026-03-30T10:00:00Z", Open("S6", "c-s6", "cards"));
        At("2026-03-30T10:30:00Z", Run("S6", id => new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent }));
        At("2026-04-01T10:00:00Z", Open("S7", "c-s7", "cards"));

        await t.RunAsync(script);
        return t;
    }

    public static void Configure(ComplaintFlowOptions o)
    {
        o.Clocks = new ClockSettings(BusinessCalendar.Create("Etc/UTC").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build(), [ClockPresets.Default().Clocks.Single(c => c.Name == ClockNames.Acknowledge)]);
        o.Outcomes.Products.Add(new OutcomeCode("card", "Credit card", "Banking and credit cards"));
        o.Outcomes.Products.Add(new OutcomeCode("mortgage", "Mortgage", "Home finance"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("fees", "Fees and charges", "Terms and disputed sums/charges"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("service", "Service", "General admin/customer service"));
        o.Outcomes.ProductByCategory["cards"] = "card";
        o.Outcomes.ProductByCategory["mortgages"] = "mortgage";
    }
}
