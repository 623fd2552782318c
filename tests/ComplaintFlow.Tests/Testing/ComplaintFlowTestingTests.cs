using ComplaintFlow.Events;
using ComplaintFlow.Testing;

namespace ComplaintFlow.Tests.Testing;

/// <summary>The testing kit an app's tests use: the test desk, the business clock, stories and history checks.</summary>
public sealed class ComplaintFlowTestingTests
{
    private static readonly Actor Agent = new("a-1", "Sam Agent", "agent");

    [Fact]
    public async Task Story_TheWholeRecovery_EndsClosed_WithEveryStepInTheHistory()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory();

        var told = await desk.Story("cust-1", "Parcel two weeks late", Agent)
            .Acknowledge("Sorry; I will look after this.").Hears("It missed the party.").Paraphrases("So it came two weeks late.").Confirms()
            .Wants(RemedyKind.Refund, "The delivery charge back.")
            .Proposes("We refund the delivery.", new Remedy(RemedyKind.Refund, "Delivery refunded", new Money(4.99m, "GBP")))
            .Accepts().Fulfils("Refund issued").FollowsUp(satisfied: true, csat: 5)
            .RunAsync();

        told.Case.Step.Should().Be("closed", "a satisfied follow-up closes the case (PR-07)");
        HistoryAssert.IsNumberedFromOne(told.History);
        HistoryAssert.ContainsInOrder(told.History, typeof(ComplaintOpened), typeof(ComplaintAcknowledged), typeof(StatementRecorded), typeof(ProposalAccepted), typeof(FulfilmentRecorded), typeof(ComplaintClosed));
        HistoryAssert.One<FollowUpRecorded>(told.History).Csat.Should().Be(5);
        HistoryAssert.None<ComplaintEscalated>(told.History);
    }

    [Fact]
    public async Task Story_ALineThePracticesForbid_FailsWithTheDesksError()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory();

        // Fulfilling before the customer agreed is refused (PR-06): the story stops at that line.
        var act = () => desk.Story("cust-2", "Kettle leaks", Agent).Acknowledge().Fulfils("Sent a new one").RunAsync();

        await act.Should().ThrowAsync<ActionNotPermittedException>();
    }

    [Fact]
    public async Task Clock_TwoBusinessDaysWithNobodyActing_BreachesTheAcknowledgementAndEscalates()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory();
        var opened = await desk.Story("cust-3", "Nobody answered", Agent).RunAsync();

        var recorded = await desk.Clock.AdvanceBusinessDaysAsync(2);

        recorded.Should().BeGreaterThan(0);
        desk.Clock.Now.Should().Be(ComplaintFlowTestDesk.DefaultStart.AddDays(2), "Monday 09:00 plus two business days is Wednesday 09:00");
        var history = await desk.Desk.GetHistoryAsync(opened.Case.Id);
        HistoryAssert.One<ClockBreached>(history, b => b.Name == "acknowledge");
        (await desk.Desk.GetAsync(opened.Case.Id)).Tier.Should().Be("supervisor", "a breach escalates (PR-01, PR-19)");
    }

    [Fact]
    public async Task Clock_AdvancingPastABreach_RecordsItWhenItHappened_NotAtTheEnd()
    {
        // Opened Monday 09:00: the acknowledgement is due by close of business on Tuesday. Ten business days in one call
        // still record the breach just after Tuesday 17:00 (the first instant past the deadline), as a worker polling all
        // along would, and escalate it then.
        await using var desk = ComplaintFlowTestDesk.InMemory();
        var opened = await desk.Story("cust-4", "Nobody answered", Agent).RunAsync();

        await desk.Clock.AdvanceBusinessDaysAsync(10);

        var history = await desk.Desk.GetHistoryAsync(opened.Case.Id);
        var missed = new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.Zero).AddTicks(1);
        history.Single(e => e.Data is ClockBreached { Name: "acknowledge" }).OccurredAt.Should().Be(missed);
        history.Single(e => e.Data is ComplaintEscalated).OccurredAt.Should().Be(missed);
    }

    [Fact]
    public async Task Clock_WhenAnEscalationPolicyThrowsOnABreach_FailsTheTest_InsteadOfPassingOnWhatWasNotRecorded()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory(b => b.AddEscalationPolicy(new ThrowsOnBreach()));
        var opened = await desk.Story("cust-5", "Nobody answered", Agent).RunAsync();

        var advance = () => desk.Clock.AdvanceBusinessDaysAsync(2);

        (await advance.Should().ThrowAsync<EscalationPolicyFailedException>()).Which.Policy.Should().Be("throws-on-breach");
        HistoryAssert.None<ClockBreached>(await desk.Desk.GetHistoryAsync(opened.Case.Id));
    }

    [Fact]
    public void HistoryAssert_ChecksThatCouldNotFail_AreRefused()
    {
        // No types to look for, or no history at all (a case that was not found): either would pass whatever happened.
        var noTypes = () => HistoryAssert.ContainsInOrder([]);
        var empty = () => HistoryAssert.IsNumberedFromOne([]);

        noTypes.Should().Throw<ArgumentException>().WithMessage("*at least one event type*");
        empty.Should().Throw<ComplaintAssertionException>().WithMessage("*empty*");
    }

    [Fact]
    public async Task Clock_BusinessTime_SkipsTheNightAndTheWeekend()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory(start: new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.Zero));

        await desk.Clock.AdvanceBusinessTimeAsync(TimeSpan.FromHours(2));

        // Friday 16:00 + 2 business hours: one hour on Friday, one from Monday 09:00.
        desk.Clock.Now.Should().Be(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task OnSqliteFile_KeepsCasesInAFile_DeletedOnDispose()
    {
        string path;
        await using (var desk = ComplaintFlowTestDesk.OnSqliteFile())
        {
            var told = await desk.Story("cust-4", "Late", Agent).Acknowledge().RunAsync();
            path = desk.DatabasePath!;
            File.Exists(path).Should().BeTrue();
            (await desk.Store.FindAsync(told.Case.Id))!.Step.Should().Be("listen");
        }

        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task Story_ToldTwice_WithAChangeOfActor_IsToldTheSameWay()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory();
        var supervisor = new Actor("s-1", "Pat Supervisor", "supervisor");
        var story = desk.Story("cust-6", "Late", Agent).Acknowledge().As(supervisor).Then((c, a) => new AddNote { CaseId = c.Id, Actor = a, Text = "Looked at it" });

        var first = await story.RunAsync();
        var second = await story.RunAsync();

        second.Case.OpenedBy.Id.Should().Be(first.Case.OpenedBy.Id).And.Be("a-1", "the lines before As are the first actor's, every time");
        second.Case.Notes.Single().WrittenBy.Id.Should().Be("s-1");
    }

    [Fact]
    public async Task HistoryAssert_OutOfOrder_FailsListingTheHistory()
    {
        await using var desk = ComplaintFlowTestDesk.InMemory();
        var told = await desk.Story("cust-5", "Late", Agent).Acknowledge().RunAsync();

        var act = () => HistoryAssert.ContainsInOrder(told.History, typeof(ComplaintAcknowledged), typeof(ComplaintOpened));

        act.Should().Throw<ComplaintAssertionException>().Which.Message.Should().Contain("ComplaintOpened is missing").And.Contain("1 ComplaintOpened");
    }

    /// <summary>A test's own policy with a bug that shows on the first breach.</summary>
    private sealed class ThrowsOnBreach : ComplaintFlow.Policies.IEscalationPolicy
    {
        public string Name => "throws-on-breach";

        public IReadOnlyCollection<Type>? ReactsTo => [typeof(ClockBreached)];

        public ValueTask<ComplaintFlow.Policies.EscalationRequest?> EvaluateAsync(ComplaintFlow.Policies.EscalationContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the lookup of the customer's account manager failed");
    }
}
