using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Time;

namespace ComplaintFlow.Stores.Tests.Reports;

/// <summary>
/// The shared dataset of <see cref="ReportContract"/>: 300 complaints received from December 2025 to May 2026 under
/// one jurisdiction's preset and calendar (bank holidays, and the spring DST change inside the period), in ten shapes:
/// agreed and closed (with and without a recorded root cause, some reopened later), withdrawn before or after
/// acknowledgement, escalated at the customer's request, not upheld after two rejections (some with goodwill offered
/// anyway), reopened after an unhappy follow-up, long-running with the deadline worker's readings and the preset's
/// delay letter, and left open part-way. Every random choice comes from a seeded generator, so each store sees
/// exactly the same commands at the same times.
/// </summary>
internal static class ReportDataset
{
    public const int Cases = 300;

    private static readonly Actor Agent = new("a-001", "Sam Agent", "agent");
    private static readonly Actor Supervisor = new("s-001", "Pat Supervisor", "supervisor");
    private static readonly Actor Manager = new("m-001", "Lee Manager", "manager");
    private static readonly Actor Specialist = new("x-001", "Ari Specialist", "specialist-team");
    private static readonly string[] Ranks = ["agent", "supervisor", "manager", "specialist-team"];
    private static readonly Actor[] Actors = [Agent, Supervisor, Manager, Specialist];
    private static readonly string[] Categories = ["cards", "loans", "mortgages", "savings"];
    private static readonly string[] Causes = ["fees", "service", "delay", "error"];
    private static readonly Channel[] Channels = [Channel.Email, Channel.Phone, Channel.Letter, Channel.Web, Channel.Chat];
    private static readonly RedressKind[] Kinds = [RedressKind.RefundOfLoss, RedressKind.DistressAndInconvenience, RedressKind.Interest, RedressKind.Goodwill];

    public static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The jurisdictions the contract runs the dataset under.</summary>
    public static TheoryData<string> Jurisdictions => ["uk-fca", "au-asic", "us-cfpb"];

    public static Jurisdiction Get(string name) => name switch
    {
        "uk-fca" => new(name, "GBP", London, ClockPresets.UkFcaDisp, CommunicationKind.FinalResponse, CommunicationKind.DelayLetter, 56),
        "au-asic" => new(name, "AUD", Sydney, c => ClockPresets.AustraliaAsicRg271(c), CommunicationKind.IdrResponse, CommunicationKind.IdrDelayNotification, 30),
        "us-cfpb" => new(name, "USD", NewYork, ClockPresets.UsCfpb, CommunicationKind.CfpbResponse, null, 60),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown jurisdiction."),
    };

    private static BusinessCalendar London { get; } = BusinessCalendar.Create("Europe/London")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 30))
        .Holidays([D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31)])
        .Build();

    private static BusinessCalendar Sydney { get; } = BusinessCalendar.Create("Australia/Sydney")
        .OpenWeekdays(new TimeOnly(8, 30), new TimeOnly(17, 0))
        .Holidays([D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1), D(2026, 1, 26), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 27), D(2026, 6, 8)])
        .Build();

    private static BusinessCalendar NewYork { get; } = BusinessCalendar.Create("America/New_York")
        .OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(18, 0))
        .Holidays([D(2025, 12, 25), D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 5, 25), D(2026, 6, 19), D(2026, 7, 3)])
        .Build();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The desk options of a jurisdiction: its preset on its calendar, and the products and causes the cases use.</summary>
    public static void Configure(Jurisdiction j, ComplaintFlowOptions o)
    {
        o.Clocks = j.Preset(j.Calendar);
        o.Outcomes.Products.Add(new OutcomeCode("card", "Credit card", "Banking and credit cards"));
        o.Outcomes.Products.Add(new OutcomeCode("loan", "Personal loan", "Banking and credit cards"));
        o.Outcomes.Products.Add(new OutcomeCode("mortgage", "Mortgage", "Home finance"));
        o.Outcomes.Products.Add(new OutcomeCode("savings", "Savings account", "Banking and credit cards"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("fees", "Fees and charges", "Terms and disputed sums/charges"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("service", "Service", "General admin/customer service"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("delay", "Delays", "Delays/timescales"));
        o.Outcomes.RootCauses.Add(new OutcomeCode("error", "Errors", "Errors"));
        o.Outcomes.ProductByCategory["cards"] = "card";
        o.Outcomes.ProductByCategory["loans"] = "loan";
        o.Outcomes.ProductByCategory["mortgages"] = "mortgage";
        o.Outcomes.ProductByCategory["savings"] = "savings";
    }

    /// <summary>Runs the dataset on a desk over the given store; returns the desk and each case's name by id.</summary>
    public static async Task<(ReportDesk Desk, IReadOnlyDictionary<ComplaintId, string> Names)> RunAsync(Jurisdiction j, Action<ComplaintFlowBuilder> useStore)
    {
        var t = new ReportDesk(useStore, o => Configure(j, o), Start);
        var script = new List<(DateTimeOffset At, Func<Task> Step)>();
        var ids = new Dictionary<string, ComplaintId>();
        var random = new Random(20_260_301);
        for (var i = 0; i < Cases; i++)
        {
            new CaseScript(t.Desk, t.Time, j, ids, script, random, i).Write();
        }

        await t.RunAsync(script);
        return (t, ids.ToDictionary(p => p.Value, p => p.Key));
    }

    /// <summary>A jurisdiction: its calendar and preset, and the letters its cases need.</summary>
    internal sealed record Jurisdiction(string Name, string Currency, BusinessCalendar Calendar, Func<BusinessCalendar, ClockSettings> Preset, CommunicationKind FinalAnswer, CommunicationKind? DelayLetter, int ResponseDays)
    {
        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Calendar.TimeZoneId);
    }

    /// <summary>Writes one case's timed steps.</summary>
    private sealed class CaseScript(IComplaintDesk desk, TimeProvider time, Jurisdiction j, Dictionary<string, ComplaintId> ids, List<(DateTimeOffset, Func<Task>)> script, Random random, int index)
    {
        private readonly string _name = "case-" + index.ToString("000", CultureInfo.InvariantCulture);
        private DateTimeOffset _at;
        private DateTimeOffset _received;
        private int _proposals;

        private ComplaintId Id => ids[_name];

        public void Write()
        {
            // 14 hours apart on average, at any hour of any day, so some arrive at night, at weekends and on holidays.
            _at = _received = Start.AddHours(index * 14).AddMinutes(random.Next(0, 14 * 60));
            var category = Categories[random.Next(Categories.Length)];
            var customer = "cust-" + random.Next(0, 230).ToString(CultureInfo.InvariantCulture);
            var channel = Channels[random.Next(Channels.Length)];
            string[] categories = random.Next(10) == 0 ? [category, "online"] : [category];
            At(_at, async () => ids[_name] = (await desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = "Complaint " + _name, Channel = channel, Actor = Agent, Categories = [.. categories] })).Id);
            switch (index % 10)
            {
                case 0 or 1 or 2:
                    Acknowledge();
                    Agree(Agent, random.Next(5, 95), recordCause: random.Next(4) != 0);
                    Finish(Agent, satisfied: true);
                    break;
                case 3:
                    Acknowledge();
                    Agree(Agent, random.Next(5, 95), recordCause: true);
                    Finish(Agent, satisfied: true);
                    Step(random.Next(48, 240), () => Execute(new ReopenComplaint { CaseId = Id, Actor = Supervisor, Reason = "The customer wrote again." }));
                    break;
                case 4:
                    if (random.Next(2) == 0)
                    {
                        Acknowledge();
                    }

                    Step(random.Next(1, 100), () => Execute(new WithdrawComplaint { CaseId = Id, Actor = Agent, Reason = "The customer no longer wishes to complain." }));
                    break;
                case 5:
                    Acknowledge();
                    Step(random.Next(1, 30), () => Execute(new RecordStatement { CaseId = Id, Actor = Agent, Text = "I want a manager." }));
                    Step(0, () => Execute(new RecordManagerRequest { CaseId = Id, Actor = Agent, CustomerWords = "A manager, please." }));
                    Agree(Manager, random.Next(150, 400), recordCause: true);
                    Finish(Manager, satisfied: true);
                    break;
                case 6:
                    Acknowledge();
                    NotUpheld();
                    break;
                case 7:
                    Acknowledge();
                    Agree(Agent, random.Next(5, 95), recordCause: true);
                    Finish(Agent, satisfied: false);
                    if (random.Next(2) == 0)
                    {
                        // A reopened case goes back to listening.
                        Step(random.Next(24, 120), () => Task.CompletedTask);
                        Investigate(Supervisor);
                        Propose(Supervisor, random.Next(100, 300), accept: true);
                        Answer(Supervisor, recordCause: true);
                        Finish(Supervisor, satisfied: true);
                    }

                    break;
                case 8:
                    Acknowledge();
                    LongRunning();
                    break;
                default:
                    LeftOpen();
                    break;
            }
        }

        private void Acknowledge() => Step(random.Next(1, 30), () => Execute(new AcknowledgeComplaint { CaseId = Id, Actor = Agent, Owner = Agent }));

        private void Investigate(Actor actor)
        {
            Step(random.Next(1, 72), () => Execute(new RecordStatement { CaseId = Id, Actor = actor, Text = "What happened." }));
            Step(0, () => Execute(new SubmitParaphrase { CaseId = Id, Actor = actor, Text = "So this happened." }));
            Step(random.Next(0, 24), () => Execute(new ConfirmParaphrase { CaseId = Id, Actor = actor }));
            Step(0, () => Execute(new CaptureDesiredOutcome { CaseId = Id, Actor = actor, Kind = RemedyKind.Refund, Details = "Money back" }));
        }

        private void Propose(Actor actor, decimal amount, bool accept)
        {
            var number = ++_proposals;
            Step(random.Next(1, 48), () => Execute(new ProposeResolution { CaseId = Id, Actor = actor, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(amount, j.Currency))], Explanation = "A refund" }));
            var outcome = random.Next(3) == 0 ? ComplaintOutcome.PartlyUpheld : ComplaintOutcome.Upheld;
            Step(random.Next(0, 72), () => accept
                ? Execute(new AcceptProposal { CaseId = Id, Actor = actor, ProposalNumber = number, Outcome = outcome })
                : Execute(new RejectProposal { CaseId = Id, Actor = actor, ProposalNumber = number }));
            if (accept)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                Step(random.Next(0, 24), () => Execute(new RecordRedress { CaseId = Id, Actor = actor, Kind = kind, Amount = new Money(amount, j.Currency), Description = "Paid" }));
            }
        }

        private void Agree(Actor actor, decimal amount, bool recordCause)
        {
            Investigate(actor);
            Propose(actor, amount, accept: true);
            Answer(actor, recordCause);
        }

        // The outcome with its product and cause, then the preset's letter: a summary resolution in the UK when the
        // agreement came within a day of receipt, otherwise the final answer.
        private void Answer(Actor actor, bool recordCause)
        {
            var cause = Causes[random.Next(Causes.Length)];
            var decision = random.Next(3) == 0 ? ComplaintOutcome.PartlyUpheld : ComplaintOutcome.Upheld;
            if (recordCause)
            {
                Step(0, () => Execute(new RecordOutcome { CaseId = Id, Actor = actor, Decision = decision, Reasons = "We got it wrong.", RootCause = cause }));
            }

            var quick = j.FinalAnswer == CommunicationKind.FinalResponse && random.Next(2) == 0;
            Step(random.Next(0, 12), () => Letter(actor, quick ? CommunicationKind.SummaryResolution : j.FinalAnswer, quickIfWithin: quick));
        }

        // A summary resolution is only allowed within the quick-resolution window; past it, the final response instead.
        private async Task Letter(Actor actor, CommunicationKind kind, bool quickIfWithin)
        {
            if (quickIfWithin)
            {
                var clocks = await desk.GetClocksAsync(Id);
                var quick = clocks.Single(c => c.Name == ClockPresets.FcaQuickResolution);
                if (quick.DueAt < time.GetUtcNow())
                {
                    kind = j.FinalAnswer;
                }
            }

            await Execute(new RecordCommunication { CaseId = Id, Actor = actor, Kind = kind, Channel = Channel.Email });
        }

        private void Finish(Actor actor, bool satisfied)
        {
            Step(random.Next(1, 48), () => Execute(new RecordFulfilment { CaseId = Id, Actor = actor, Description = "Done" }));
            int? csat = random.Next(10) == 0 ? null : satisfied ? random.Next(2, 6) : random.Next(1, 3);
            Step(random.Next(1, 96), () => Execute(new RecordFollowUp { CaseId = Id, Actor = actor, Satisfied = satisfied, Csat = csat }));
        }

        private void NotUpheld()
        {
            Investigate(Agent);
            Propose(Agent, random.Next(10, 40), accept: false);
            Propose(Agent, random.Next(40, 90), accept: false);
            var offer = random.Next(2) == 0;
            var goodwill = random.Next(20, 200);
            Step(random.Next(24, 200), () => Execute(new IssueFinalResponse
            {
                CaseId = Id,
                Actor = Supervisor,
                Decision = ComplaintOutcome.NotUpheld,
                RedressWithoutAcceptance = offer,
                Offer = offer ? [new Remedy(RemedyKind.Goodwill, "A goodwill payment", new Money(goodwill, j.Currency))] : [],
                Reasons = "The charge is in the terms.",
                RootCause = Causes[random.Next(Causes.Length)],
                Channel = Channel.Letter,
            }));
            if (offer)
            {
                Step(random.Next(1, 48), () => Execute(new RecordRedress { CaseId = Id, Actor = Supervisor, Kind = RedressKind.Goodwill, Amount = new Money(goodwill, j.Currency), Description = "Goodwill paid" }));
                Finish(Supervisor, satisfied: true);
            }
            else if (random.Next(2) == 0)
            {
                Step(random.Next(1, 48), () => Execute(new WaiveFollowUp { CaseId = Id, Actor = Supervisor, Reason = "The customer asked for no further contact." }));
            }
            else
            {
                Step(random.Next(1, 96), () => Execute(new RecordFollowUp { CaseId = Id, Actor = Supervisor, Satisfied = true, Csat = 1 }));
            }
        }

        // The deadline worker reads the clocks now and then (warnings, breaches); the delay letter goes once the
        // preset's response deadline has passed; the final response comes between five and ten weeks after receipt.
        private void LongRunning()
        {
            Investigate(Agent);
            var days = random.Next(35, 71);
            var received = _received;
            foreach (var reading in new[] { 3, 10, 20, 40, 58 }.Where(d => d < days))
            {
                At(received.AddDays(reading), () => desk.RecordDueClocksAsync(Id).AsTask());
            }

            if (j.FinalAnswer == CommunicationKind.CfpbResponse)
            {
                At(received.AddDays(12), () => Execute(new RecordCommunication { CaseId = Id, Actor = Supervisor, Kind = CommunicationKind.CfpbInProgress, Channel = Channel.Web }));
            }

            if (j.DelayLetter is { } delay && days > j.ResponseDays)
            {
                At(received.AddDays(j.ResponseDays + 1), () => Execute(new RecordCommunication { CaseId = Id, Actor = Supervisor, Kind = delay, Channel = Channel.Letter }));
            }

            var amount = random.Next(50, 400);
            At(received.AddDays(days), () => Execute(new IssueFinalResponse
            {
                CaseId = Id,
                Actor = Supervisor,
                Decision = ComplaintOutcome.Upheld,
                Offer = [new Remedy(RemedyKind.Refund, "A refund", new Money(amount, j.Currency))],
                Reasons = "We were slow and wrong.",
                RootCause = "delay",
                Channel = Channel.Letter,
            }));
            _at = received.AddDays(days);
            Step(random.Next(1, 48), () => Execute(new RecordRedress { CaseId = Id, Actor = Supervisor, Kind = RedressKind.RefundOfLoss, Amount = new Money(amount, j.Currency), Description = "Refunded" }));
            Finish(Supervisor, satisfied: true);
        }

        private void LeftOpen()
        {
            switch (random.Next(3))
            {
                case 0:
                    break;
                case 1:
                    Acknowledge();
                    Step(random.Next(1, 72), () => Execute(new RecordStatement { CaseId = Id, Actor = Agent, Text = "What happened." }));
                    break;
                default:
                    Acknowledge();
                    Investigate(Agent);
                    Step(random.Next(1, 48), () => Execute(new ProposeResolution { CaseId = Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Credit, "Credit", new Money(15m, j.Currency))], Explanation = "A credit" }));
                    break;
            }
        }

        private void Step(double hours, Func<Task> step)
        {
            _at = _at.AddHours(hours).AddMinutes(1);
            At(_at, step);
        }

        private void At(DateTimeOffset at, Func<Task> step)
        {
            var name = _name;
            script.Add((at, async () =>
            {
                try
                {
                    await step();
                }
                catch (Exception e) when (e is not Xunit.Sdk.IAssertionException)
                {
                    throw new InvalidOperationException($"The dataset's step for {name} at {at:O} failed: {e.Message}", e);
                }
            }));
        }

        // The escalation policies move some cases up (a repeat complainant, a breached clock); whoever holds the case's
        // tier then acts, as a team would hand the case over.
        private async Task Execute(ComplaintCommand command)
        {
            var tier = (await desk.GetAsync(Id)).Tier;
            var actor = Array.IndexOf(Ranks, tier) > Array.IndexOf(Ranks, command.Actor.Tier) ? Actors[Array.IndexOf(Ranks, tier)] : command.Actor;
            await desk.ExecuteAsync(command with { Actor = actor });
        }
    }
}
