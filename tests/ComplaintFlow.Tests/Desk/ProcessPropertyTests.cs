using CsCheck;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Desk;

/// <summary>
/// Property tests: whatever commands an app throws at a case, in whatever order, the practices hold and the
/// history stays complete. Refused commands are expected; broken invariants are not.
/// </summary>
public sealed class ProcessPropertyTests
{
    private static readonly Actor[] People = [Actors.Agent, Actors.Supervisor];

    [Fact]
    public void AnyCommandSequence_KeepsTheInvariants()
    {
        Gen.Select(Gen.Int[0, 17], Gen.Int[0, 1], Gen.Int[1, 3]).Array[1, 60].Sample(
            steps => RunAsync(steps).GetAwaiter().GetResult(),
            iter: 150,
            threads: 1);
    }

    private static async Task RunAsync((int Kind, int Who, int Number)[] steps)
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        foreach (var (kind, who, number) in steps)
        {
            var before = c;
            try
            {
                c = await t.Desk.ExecuteAsync(Command(kind, c.Id, People[who], number));
            }
            catch (ComplaintFlowException)
            {
                (await t.Desk.GetAsync(c.Id)).Should().BeSameAs(before, "a refused command changes nothing");
                continue;
            }

            t.Time.Advance(TimeSpan.FromMinutes(number));
            await CheckAsync(t.Desk, c);
        }
    }

    private static ComplaintCommand Command(int kind, ComplaintId id, Actor actor, int n) => kind switch
    {
        0 => new AcknowledgeComplaint { CaseId = id, Actor = actor, Owner = actor },
        1 => new RecordStatement { CaseId = id, Actor = actor, Text = "what happened" },
        2 => new SubmitParaphrase { CaseId = id, Actor = actor, Text = "you mean" },
        3 => new ConfirmParaphrase { CaseId = id, Actor = actor },
        4 => new CorrectParaphrase { CaseId = id, Actor = actor, Correction = "not quite" },
        5 => new CaptureDesiredOutcome { CaseId = id, Actor = actor, Kind = RemedyKind.Refund, Details = "money" },
        6 => new ProposeResolution { CaseId = id, Actor = actor, Remedies = [CaseDriver.Credit(n * 60)], Explanation = "offer" },
        7 => new AcceptProposal { CaseId = id, Actor = actor, ProposalNumber = n },
        8 => new RejectProposal { CaseId = id, Actor = actor, ProposalNumber = n, CounterSuggestion = "more" },
        9 => new RecordFulfilment { CaseId = id, Actor = actor, Description = "done" },
        10 => new RecordFollowUp { CaseId = id, Actor = actor, Satisfied = n != 2, Csat = n },
        11 => new WaiveFollowUp { CaseId = id, Actor = actor, Reason = "asked" },
        12 => new ReopenComplaint { CaseId = id, Actor = actor, Reason = "again" },
        13 => new WithdrawComplaint { CaseId = id, Actor = actor },
        14 => new AddNote { CaseId = id, Actor = actor, Text = "note" },
        15 => new RecordClarification { CaseId = id, Actor = actor, Question = "q", Answer = "a" },
        16 => new ReassignComplaint { CaseId = id, Actor = actor, NewOwner = n == 1 ? Actors.Agent : Actors.OtherAgent },
        _ => new SetSeverity { CaseId = id, Actor = actor, Severity = (Severity)(n % 4) },
    };

    private static async Task CheckAsync(IComplaintDesk desk, ComplaintCase c)
    {
        var history = await desk.GetHistoryAsync(c.Id);
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), "events are numbered without gaps");
        c.Version.Should().Be(history.Count);
        history[^1].Step.Should().Be(c.Step);

        if (c.Step is StepIds.Fulfil or StepIds.FollowUp)
        {
            c.AcceptedProposal.Should().NotBeNull("nothing is fulfilled without the customer's acceptance (PR-08)");
        }

        if (c.Step == StepIds.FollowUp)
        {
            c.Fulfilment!.ProposalNumber.Should().Be(c.AcceptedProposal!.Number);
        }

        if (c.Step == StepIds.GainAgreement)
        {
            c.LatestProposal!.Status.Should().Be(ProposalStatus.Open);
            c.DesiredOutcome.Should().NotBeNull("the customer is asked what they want before a proposal (PR-06)");
        }

        if (c.Step is StepIds.SeekResolution or StepIds.GainAgreement or StepIds.Fulfil)
        {
            c.Paraphrase!.Status.Should().Be(ParaphraseStatus.Confirmed, "solutions follow a confirmed understanding (PR-05)");
            c.Statements.Should().NotBeEmpty("the customer's account comes first (PR-02)");
        }

        if (c.Step is not (StepIds.Acknowledge or StepIds.Withdrawn))
        {
            c.Owner.Should().NotBeNull("acknowledgement names an owner (PR-04)");
        }

        if (c.Step == StepIds.Closed)
        {
            var closing = history.Last(e => e.Data is ComplaintClosed);
            var reason = ((ComplaintClosed)closing.Data).Reason;
            var previous = history.Single(e => e.Sequence == closing.Sequence - 1).Data;
            (reason == CloseReason.CustomerSatisfied ? previous is FollowUpRecorded { Satisfied: true } : previous is FollowUpWaived)
                .Should().BeTrue("a case closes only after a satisfied follow-up or a recorded waiver (PR-14)");
            if (reason == CloseReason.FollowUpWaived)
            {
                closing.Actor.Tier.Should().NotBe("agent", "waivers need a supervisor or above (PR-14)");
            }
        }
    }
}
