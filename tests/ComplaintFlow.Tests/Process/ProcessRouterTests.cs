using System.Collections.Immutable;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Process;

/// <summary>
/// Commands route through <see cref="ProcessRouter"/>; the Stateless machine is built from the same routes. Fire both
/// for every state, every trigger and many case shapes: they must agree on where the case goes, on refusals and their
/// unmet requirements, and on the permitted actions.
/// </summary>
public sealed class ProcessRouterTests
{
    private static readonly DateTimeOffset Now = TestDesk.Start;
    private static readonly GuardContext Context = new(Now, TimeSpan.FromDays(30));

    public static TheoryData<string> Processes => ["default", "courier", "lean"];

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task Route_AgreesWithFiringTheStatelessMachine_ForEveryStateTriggerAndCaseShape(string name)
    {
        var process = name switch
        {
            "courier" => ComplaintProcess.CreateBuilder()
                .InsertAfter(StepIds.Validate, new InvestigateStep())
                .InsertBefore(StepIds.Fulfil, new ApproveStep())
                .AddCompletionRequirement(StepIds.Acknowledge, new StepRequirement("a note", c => !c.Notes.IsEmpty))
                // Requirements also guard the final response and the follow-up's waiver and last attempt: shapes meet
                // each of these and miss it, so both answers are compared.
                .AddCompletionRequirement(StepIds.SeekResolution, new StepRequirement("a note before resolving", c => !c.Notes.IsEmpty))
                .AddCompletionRequirement(StepIds.GainAgreement, new StepRequirement("a statement on record", c => c.Statements.Length > 0))
                .AddCompletionRequirement(StepIds.FollowUp, new StepRequirement("a desired outcome on record", c => c.DesiredOutcome is not null))
                .Build(),
            "lean" => ComplaintProcess.CreateBuilder().Remove(StepIds.Validate).Remove(StepIds.Listen).Build(),
            _ => ComplaintProcess.Default,
        };
        string[] states = [.. process.StepIds, StepIds.Closed, StepIds.Withdrawn];
        string[] triggers = [.. process.Routes.Select(r => r.Trigger).Distinct(), "no-such-action"];
        var compared = 0;

        foreach (var shape in Shapes())
        {
            foreach (var state in states)
            {
                var complaint = shape with { Step = state };
                var machine = process.CreateMachine();
                (await machine.GetPermittedTriggersAsync(complaint, Context)).Should().BeEquivalentTo(process.Router.PermittedTriggers(complaint, Context), $"permitted in {state}");

                foreach (var trigger in triggers)
                {
                    var expected = await OutcomeAsync(() => machine.FireAsync(complaint, trigger, Context).AsTask());
                    var actual = await OutcomeAsync(() => Task.FromResult(process.Router.Route(complaint, trigger, Context)));
                    actual.Should().BeEquivalentTo(expected, $"'{trigger}' from '{state}'");
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(500);
    }

    private static async Task<object> OutcomeAsync(Func<Task<string>> fire)
    {
        try
        {
            return await fire();
        }
        catch (ActionNotPermittedException e)
        {
            return new { e.Step, e.Action, Permitted = e.PermittedActions.Order().ToArray(), Unmet = e.UnmetRequirements.Order().ToArray() };
        }
    }

    private static IEnumerable<ComplaintCase> Shapes()
    {
        var bare = new ComplaintCase
        {
            Id = new ComplaintId(Guid.CreateVersion7(Now)),
            Version = 1,
            ProcessVersion = "test",
            Step = StepIds.Acknowledge,
            CustomerRef = "c",
            Channel = Channel.Email,
            Summary = "s",
            ReceivedAt = Now,
            OpenedAt = Now,
            UpdatedAt = Now,
            OpenedBy = Actors.Agent,
        };
        var proposal = new Proposal(1, [CaseDriver.Credit(5)], [], "x", Actors.Agent, Now, ProposalStatus.Open);
        yield return bare;
        yield return bare with { Statements = [new CustomerStatement("t", Channel.Phone, Now, "a")], Notes = [new CaseNote("n", Actors.Agent, Now)] };
        yield return bare with { DesiredOutcome = new DesiredOutcome(RemedyKind.Refund, "d", Now) };
        yield return bare with { Proposals = [proposal] };
        yield return bare with { Proposals = [proposal with { Status = ProposalStatus.Accepted }] };
        yield return bare with { Proposals = [proposal with { Status = ProposalStatus.Rejected }] };
        yield return bare with { ClosedAt = Now.AddDays(-1) };
        yield return bare with { ClosedAt = Now.AddDays(-31) };
        yield return bare with { Statements = [new CustomerStatement("t", Channel.Phone, Now, "a")], DesiredOutcome = new DesiredOutcome(RemedyKind.Refund, "d", Now), Proposals = ImmutableArray.Create(proposal) };
    }
}
