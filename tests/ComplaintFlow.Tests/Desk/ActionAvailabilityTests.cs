using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Process;
using ComplaintFlow.Tests.Support;
using ComplaintFlow.Time;

namespace ComplaintFlow.Tests.Desk;

/// <summary>
/// Available actions are the commands' own answers: for every case shape, actor and action of three processes, an
/// action is offered exactly when its command, with an ordinary valid input, is accepted, and a refusal reads the same
/// either way (PR-07, PR-10, PR-11, PR-18).
/// </summary>
public sealed class ActionAvailabilityTests
{
    private static readonly Actor Lawyer = new("l-001", "Jo Counsel", null) { Roles = [LegalReviewStep.Role] };
    private static readonly Actor QualityReviewer = new("q-001", "Max Quality", "agent") { Roles = ["quality-review"] };
    private static readonly Actor RetentionSupervisor = new("r-001", "Ray Retention", "supervisor") { Team = "retention" };
    private static readonly Actor[] Everyone = [Actors.Agent, Actors.Supervisor, Actors.Manager, Actors.Specialist, Lawyer, QualityReviewer, RetentionSupervisor];

    public static TheoryData<string> Processes => ["default", "courier", "back-office"];

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task EveryShapeActorAndAction_OfferedExactlyWhenTheCommandIsAccepted(string process)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestDesk.Start);
        using var shapes = Desk(process, time, store: null);
        var cases = await ShapesAsync(shapes, process);
        using var trial = Desk(process, time, store: sp => new DiscardingStore(shapes.Store));

        var checkedPairs = 0;
        var offered = 0;
        var mismatches = new List<string>();
        foreach (var (shape, complaint) in cases)
        {
            foreach (var actor in Everyone)
            {
                var available = await trial.Desk.GetAvailableActionsAsync(complaint.Id, actor);
                var permitted = await trial.Desk.GetPermittedActionsAsync(complaint.Id, actor);
                permitted.Should().Equal(available.Where(a => a.IsAvailable).Select(a => a.Name), "permitted actions are the available ones");
                foreach (var action in available)
                {
                    var refusal = await RefusalAsync(trial.Desk, Sample(action, complaint, actor));
                    // Where the input chooses the outcome, the action is offered when either passes, and its refusal
                    // is that of the outcome the process allows (or the first's, when it allows neither).
                    var otherRefusal = refusal is not null && OtherOutcome(action, complaint, actor) is { } other ? await RefusalAsync(trial.Desk, other) : refusal;
                    refusal = otherRefusal is null ? null : refusal;
                    checkedPairs++;
                    offered += action.IsAvailable ? 1 : 0;
                    if (action.IsAvailable != refusal is null || (refusal is not null && action.Refusal != refusal && action.Refusal != otherRefusal))
                    {
                        mismatches.Add($"{shape} / {actor.Id} / {action.Name}: offered={action.IsAvailable} ({action.Refusal}), command: {refusal ?? "accepted"}");
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
        cases.Select(c => c.Case.Step).Distinct().Should().BeEquivalentTo(ProcessSteps(process).Append(process == "back-office" ? LegalReviewStep.Id : StepIds.Closed).Distinct().Append(StepIds.Withdrawn).Distinct(), "every step has a case in it");
        (await shapes.Store.FindAsync(cases[0].Case.Id))!.Version.Should().Be(cases[0].Case.Version, "the trial desk saved nothing");
        checkedPairs.Should().BeGreaterThan(1_000);
        offered.Should().BeGreaterThan(checkedPairs / 10, "the comparison covers both answers");
    }

    private static TestDesk Desk(string process, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Func<IServiceProvider, IComplaintStore>? store) => new(
        b =>
        {
            if (store is not null)
            {
                b.UseStore(store);
            }

            switch (process)
            {
                case "courier":
                    // The requirements guard the final response (met once the desired outcome is captured) and the
                    // follow-up's waiver and closing attempt (missed once an attempt went unanswered): shapes of both.
                    b.ConfigureProcess(p => p.InsertAfter(StepIds.Validate, new InvestigateStep()).InsertBefore(StepIds.Fulfil, new ApproveStep())
                        .AddCompletionRequirement(StepIds.SeekResolution, new StepRequirement("the desired outcome, before any answer", c => c.DesiredOutcome is not null))
                        .AddCompletionRequirement(StepIds.FollowUp, new StepRequirement("no unanswered follow-up attempt", c => c.UnansweredFollowUps == 0)));
                    break;
                case "back-office":
                    b.ConfigureProcess(p => p.InsertBefore(StepIds.Listen, new AwaitEvidenceStep()).InsertBefore(StepIds.Fulfil, new LegalReviewStep()));
                    b.AddEscalationPolicy(new RetentionOnRequest());
                    break;
            }
        },
        o =>
        {
            var role = new AuthorityRole { Name = "quality-review" };
            role.Actions.Add(ComplaintActions.WaiveFollowUp);
            o.Roles.Add(role);
            if (process == "back-office")
            {
                LegalReviewStep.AddClock(o);
            }
        },
        time);

    /// <summary>Cases in every step of the process, with and without what the steps need, escalated or not, closed long ago or lately.</summary>
    private static async Task<List<(string Shape, ComplaintCase Case)>> ShapesAsync(TestDesk t, string process)
    {
        var desk = t.Desk;
        var shapes = new List<(string, ComplaintCase)>();
        var manager = Actors.Manager;

        // Closed long ago: beyond the reopen window once the clock moves on.
        var old = await desk.DriveToAsync(await t.OpenAsync(manager, "c-old"), StepIds.Closed, manager);
        t.Time.Advance(TimeSpan.FromDays(40));
        shapes.Add(("closed long ago", old));

        var number = 0;
        async Task<ComplaintCase> Fresh() => await t.OpenAsync(manager, $"c-{number++}");
        async Task Add(string shape, ComplaintCase c) => shapes.Add((shape, (await t.Store.FindAsync(c.Id))!));

        var steps = (await desk.GetAvailableActionsAsync((await Fresh()).Id, manager)).Count > 0 ? ProcessSteps(process) : [];
        foreach (var step in steps)
        {
            await Add("in " + step, await desk.DriveToAsync(await Fresh(), step, manager));
        }

        var listening = await desk.DriveToAsync(await Fresh(), StepIds.Listen, manager);
        await Add("listening with a statement", await desk.ExecuteAsync(new RecordStatement { CaseId = listening.Id, Actor = manager, Text = "The story." }));
        var seeking = await desk.DriveToAsync(await Fresh(), StepIds.SeekResolution, manager);
        await Add("seeking with a desired outcome", await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = seeking.Id, Actor = manager, Kind = RemedyKind.Credit, Details = "Credit" }));
        var rejected = await desk.DriveToAsync(await Fresh(), StepIds.GainAgreement, manager);
        await Add("after a rejection", await desk.ExecuteAsync(new RejectProposal { CaseId = rejected.Id, Actor = manager, ProposalNumber = 1 }));
        var escalated = await desk.DriveToAsync(await Fresh(), StepIds.Listen, manager);
        escalated = await desk.ExecuteAsync(new RecordManagerRequest { CaseId = escalated.Id, Actor = manager, CustomerWords = "A manager, please." });
        await Add("escalated to " + escalated.Tier + (escalated.Team is null ? string.Empty : " / " + escalated.Team), escalated);
        var specialist = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-vulnerable", Summary = "Distressed", Channel = Channel.Phone, Actor = manager, Flags = ComplaintFlags.VulnerableCustomer });
        await Add("escalated to specialists at opening", specialist);
        var withdrawn = await Fresh();
        await Add("withdrawn", await desk.ExecuteAsync(new WithdrawComplaint { CaseId = withdrawn.Id, Actor = manager, Reason = "Sorted elsewhere" }));
        if (process == "back-office")
        {
            var large = await desk.DriveToAsync(await Fresh(), StepIds.SeekResolution, manager);
            large = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = large.Id, Actor = manager, Kind = RemedyKind.Refund, Details = "Refund" });
            large = await desk.ExecuteAsync(new ProposeResolution { CaseId = large.Id, Actor = manager, Remedies = [CaseDriver.Credit(1_500m)], Explanation = "Refund" });
            await Add("in legal review", await desk.ExecuteAsync(new AcceptProposal { CaseId = large.Id, Actor = manager, ProposalNumber = 1 }));
        }

        var followedUp = await desk.DriveToAsync(await Fresh(), StepIds.FollowUp, manager);
        await Add("follow-up attempted", await desk.ExecuteAsync(new RecordFollowUpAttempt { CaseId = followedUp.Id, Actor = manager }));
        return shapes;
    }

    private static string[] ProcessSteps(string process) => process switch
    {
        "courier" => [StepIds.Acknowledge, StepIds.Listen, StepIds.Validate, "investigate", StepIds.SeekResolution, StepIds.GainAgreement, "approve", StepIds.Fulfil, StepIds.FollowUp, StepIds.Closed],
        "back-office" => [StepIds.Acknowledge, AwaitEvidenceStep.Id, StepIds.Listen, StepIds.Validate, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp, StepIds.Closed],
        _ => [StepIds.Acknowledge, StepIds.Listen, StepIds.Validate, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp, StepIds.Closed],
    };

    /// <summary>
    /// For an action whose input chooses its outcome, the other outcome: it is offered when some input passes, and a
    /// satisfied follow-up is held by the follow-up step's requirements while an unsatisfied one (which reopens) is not.
    /// </summary>
    private static ComplaintCommand? OtherOutcome(AvailableAction action, ComplaintCase c, Actor actor) =>
        action.Name == ComplaintActions.RecordFollowUp ? new RecordFollowUp { CaseId = c.Id, Actor = actor, Satisfied = false, Csat = 2 } : null;

    /// <summary>An ordinary, valid command for the action: what a careful caller would send.</summary>
    private static ComplaintCommand Sample(AvailableAction action, ComplaintCase c, Actor actor)
    {
        var id = c.Id;
        var proposal = c.LatestProposal?.Number ?? 1;
        if (action.StepId is { } stepId)
        {
            object input = stepId switch
            {
                "investigate" => new Findings("Lost in transit", true),
                "approve" => new Approval("Within policy"),
                LegalReviewStep.Id => new LegalOpinion("LF-1"),
                _ => new Evidence("Photos"),
            };
            var completes = action.Name is "complete-investigation" or "approve-remedy" or "approve-legal-review" or "record-evidence";
            return completes
                ? new CompleteStep { CaseId = id, Actor = actor, StepId = stepId, Input = input }
                : new CompleteStep { CaseId = id, Actor = actor, StepId = stepId, SendBack = action.Name, Reason = "Not acceptable" };
        }

        return action.Name switch
        {
            ComplaintActions.Acknowledge => new AcknowledgeComplaint { CaseId = id, Actor = actor, Owner = Actors.Agent },
            ComplaintActions.RecordStatement => new RecordStatement { CaseId = id, Actor = actor, Text = "More of the story." },
            ComplaintActions.RecordClarification => new RecordClarification { CaseId = id, Actor = actor, Question = "When?", Answer = "Monday." },
            ComplaintActions.SubmitParaphrase => new SubmitParaphrase { CaseId = id, Actor = actor, Text = "So the parcel was late." },
            ComplaintActions.ConfirmParaphrase => new ConfirmParaphrase { CaseId = id, Actor = actor },
            ComplaintActions.CorrectParaphrase => new CorrectParaphrase { CaseId = id, Actor = actor, Correction = "It was damaged too." },
            ComplaintActions.CaptureDesiredOutcome => new CaptureDesiredOutcome { CaseId = id, Actor = actor, Kind = RemedyKind.Credit, Details = "Credit" },
            ComplaintActions.Propose => new ProposeResolution { CaseId = id, Actor = actor, Remedies = [CaseDriver.Credit(20m)], Explanation = "A credit." },
            ComplaintActions.Accept => new AcceptProposal { CaseId = id, Actor = actor, ProposalNumber = proposal },
            ComplaintActions.Reject => new RejectProposal { CaseId = id, Actor = actor, ProposalNumber = proposal },
            ComplaintActions.RecordFulfilment => new RecordFulfilment { CaseId = id, Actor = actor, Description = "Credited" },
            ComplaintActions.RecordFollowUp => new RecordFollowUp { CaseId = id, Actor = actor, Satisfied = true, Csat = 4 },
            ComplaintActions.RecordFollowUpAttempt => new RecordFollowUpAttempt { CaseId = id, Actor = actor },
            ComplaintActions.WaiveFollowUp => new WaiveFollowUp { CaseId = id, Actor = actor, Reason = "Customer asked for no contact." },
            ComplaintActions.Reopen => new ReopenComplaint { CaseId = id, Actor = actor, Reason = "Still broken." },
            ComplaintActions.Withdraw => new WithdrawComplaint { CaseId = id, Actor = actor },
            ComplaintActions.Reassign => new ReassignComplaint { CaseId = id, Actor = actor, NewOwner = c.Owner == Actors.Specialist ? Actors.Manager : Actors.Specialist, Reason = "Workload" },
            ComplaintActions.AddNote => new AddNote { CaseId = id, Actor = actor, Text = "A note." },
            ComplaintActions.RecordCustomerUpdate => new RecordCustomerUpdate { CaseId = id, Actor = actor, Message = "Still on it." },
            ComplaintActions.SetSeverity => new SetSeverity { CaseId = id, Actor = actor, Severity = c.Severity == Severity.High ? Severity.Low : Severity.High },
            ComplaintActions.SetFlags => new SetFlags { CaseId = id, Actor = actor, Flags = c.Flags == ComplaintFlags.None ? ComplaintFlags.ReputationRisk : ComplaintFlags.None },
            ComplaintActions.SetCategories => new SetCategories { CaseId = id, Actor = actor, Categories = ["billing"] },
            ComplaintActions.RecordManagerRequest => new RecordManagerRequest { CaseId = id, Actor = actor, CustomerWords = "Manager!" },
            ComplaintActions.HandBack => new HandBack { CaseId = id, Actor = actor, ToTier = "agent", Reason = "Dealt with." },
            ComplaintActions.RecordOutcome => new RecordOutcome { CaseId = id, Actor = actor, Decision = ComplaintFlow.Outcomes.ComplaintOutcome.PartlyUpheld, Reasons = "The parcel was late; the courier's charge stands." },
            ComplaintActions.IssueFinalResponse => new IssueFinalResponse { CaseId = id, Actor = actor, Decision = ComplaintFlow.Outcomes.ComplaintOutcome.NotUpheld, Reasons = "Delivered on time.", Channel = Channel.Email },
            ComplaintActions.RecordRedress => new RecordRedress { CaseId = id, Actor = actor, Kind = ComplaintFlow.Outcomes.RedressKind.RefundOfLoss, Amount = new Money(5m, "GBP"), Description = "Part refund" },
            ComplaintActions.RecordCommunication => new RecordCommunication { CaseId = id, Actor = actor, Kind = ComplaintFlow.Outcomes.CommunicationKind.DelayLetter, Channel = Channel.Letter },
            _ => throw new InvalidOperationException($"No sample command for action '{action.Name}': add one, so the comparison covers it."),
        };
    }

    /// <summary>The message the command is refused with, or null when it is accepted; anything but a typed refusal fails the test.</summary>
    private static async Task<string?> RefusalAsync(IComplaintDesk desk, ComplaintCommand command)
    {
        try
        {
            await desk.ExecuteAsync(command);
            return null;
        }
        catch (Exception e) when (e is ComplaintAuthorizationException or ActionNotPermittedException)
        {
            return e.Message;
        }
    }

    [Fact]
    public async Task FollowUpAttempt_TheLastOneWhileTheCaseCannotClose_IsNotOffered_AndTheRefusalReadsAsTheCommands()
    {
        // Under the FCA preset the case cannot close without a final response or a summary resolution; with one attempt
        // allowed, the attempt would close it as unreachable, so it is refused, and must not be offered.
        using var t = new TestDesk(options: o =>
        {
            o.Clocks = ClockPresets.UkFcaDisp(BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build());
            o.MaxUnansweredFollowUps = 1;
        });
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.FollowUp);

        var offered = (await t.Desk.GetAvailableActionsAsync(c.Id, Actors.Agent)).Single(a => a.Name == ComplaintActions.RecordFollowUpAttempt);
        var attempt = () => t.Desk.ExecuteAsync(new RecordFollowUpAttempt { CaseId = c.Id, Actor = Actors.Agent, Note = "No answer" }).AsTask();

        var refused = (await attempt.Should().ThrowAsync<ActionNotPermittedException>()).Which;
        offered.IsAvailable.Should().BeFalse();
        offered.Refusal.Should().Be(refused.Message);
    }

    [Fact]
    public async Task RecordOutcome_AfterThisRoundsFinalResponse_IsNotOffered_AndTheRefusalReadsAsTheCommands()
    {
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution, Actors.Supervisor);
        c = await t.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Actors.Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "The fee is in the contract.", Channel = Channel.Email });

        var offered = (await t.Desk.GetAvailableActionsAsync(c.Id, Actors.Supervisor)).Single(a => a.Name == ComplaintActions.RecordOutcome);
        var change = () => t.Desk.ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Actors.Supervisor, Decision = ComplaintOutcome.Upheld, Reasons = "Changed our mind" }).AsTask();

        var refused = (await change.Should().ThrowAsync<ActionNotPermittedException>()).Which;
        refused.Message.Should().Contain("the outcome was stated to the customer in the final response of");
        offered.IsAvailable.Should().BeFalse();
        offered.Refusal.Should().Be(refused.Message);
    }

    [Theory]
    [InlineData("default", CommunicationKind.FinalResponse)]
    [InlineData("asic", CommunicationKind.IdrResponse)]
    [InlineData("cfpb", CommunicationKind.CfpbResponse)]
    public async Task RecordCommunication_InputSchema_ListsOnlyTheKindsTheCommandCanRecord(string rules, CommunicationKind finalAnswer)
    {
        // A form built from the schema (the dashboard's) offered an acknowledgement, a progress update and every
        // regime's final answer, all refused whatever the case; each kind left out must be refused on a case where the
        // kinds listed are recorded (an agreed case with its outcome, PR-20).
        var calendar = ClockPresets.DefaultCalendar;
        using var t = new TestDesk(options: o => o.Clocks = rules switch
        {
            "asic" => ClockPresets.AustraliaAsicRg271(calendar),
            "cfpb" => ClockPresets.UsCfpb(calendar),
            _ => ClockPresets.Default(calendar),
        });
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.Fulfil, Actors.Supervisor);

        var action = (await t.Desk.GetAvailableActionsAsync(c.Id, Actors.Supervisor)).Single(a => a.Name == ComplaintActions.RecordCommunication);
        var listed = action.InputSchema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == System.Text.Json.JsonValueKind.String).Select(v => Enum.Parse<CommunicationKind>(v.GetString()!)).ToList();

        listed.Should().Contain(finalAnswer).And.NotContain([CommunicationKind.Acknowledgement, CommunicationKind.ProgressUpdate]);
        foreach (var kind in Enum.GetValues<CommunicationKind>())
        {
            var record = () => t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Actors.Supervisor, Kind = kind, Channel = Channel.Email }).AsTask();
            if (listed.Contains(kind))
            {
                continue;
            }

            (await record.Should().ThrowAsync<ComplaintValidationException>($"{kind} is not listed")).Which.Field.Should().Be("Kind");
        }

        (await t.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Actors.Supervisor, Kind = finalAnswer, Channel = Channel.Email }))
            .Communications.Should().Contain(m => m.Kind == finalAnswer, "the listed final answer is recorded");
    }

    /// <summary>Reads the shapes' store and saves nothing, so every trial starts from the same case.</summary>
    private sealed class DiscardingStore(IComplaintStore inner) : DelegatingStore(inner), IComplaintStore
    {
        public StoreCapabilities Capabilities => StoreCapabilities.CheapReads;

        public override ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    /// <summary>Sends manager requests to the retention team's managers.</summary>
    private sealed class RetentionOnRequest : IEscalationPolicy
    {
        public string Name => "retention-team";

        public IReadOnlyCollection<Type>? ReactsTo => [typeof(ManagerRequested)];

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<EscalationRequest?>(new EscalationRequest("manager", "retention", "retention", "Asked for a manager", "A retention manager will call you."));
    }
}
