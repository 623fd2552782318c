using ComplaintFlow.CustomPolicies;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Samples.Tests;

/// <summary>The integrator's sample, tested as its README promises: registered with one call, through DI only.</summary>
public sealed class CustomPoliciesTests : IDisposable
{
    private static readonly Actor Agent = new("a-3", "Robin", "agent");
    private static readonly Actor Specialist = new("x-1", "Dr Okafor", "specialist-team");
    private readonly RecordingChannel _channel = new();
    private readonly ServiceProvider _provider;
    private readonly IComplaintDesk _desk;

    public CustomPoliciesTests()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<INotificationChannel>(_channel);
        services.AddComplaintFlow().AddHouseRules();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _desk = _provider.GetRequiredService<IComplaintDesk>();
    }

    [Fact]
    public async Task HazardInTheStatement_EscalatesToProductSafety_AndNotifiesTeamAndCustomer()
    {
        var c = await HeardAsync("It sparked and smoked before it died.");

        c.Tier.Should().Be("specialist-team");
        c.Team.Should().Be("product-safety");
        var escalated = (await _desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ComplaintEscalated>().Should().ContainSingle().Subject;
        escalated.Policy.Should().Be("product-safety");
        _channel.Sent.Should().Contain(m => m.Recipient == "product-safety" && m.Subject.Contains("Toaster", StringComparison.Ordinal));
        _channel.Sent.Should().Contain(m => m.Recipient == "cust-88" && m.Body.Contains("stop using", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrdinaryFault_StaysWithTheAgent_AndTheCustomerHearsOnlyTheAcknowledgement()
    {
        var c = await HeardAsync("The lever will not stay down.");

        c.Tier.Should().Be("agent");
        _channel.Sent.Select(m => m.Subject).Should().Equal("We have your complaint");
        _channel.Sent.Single().Body.Should().EndWith($"[{c.Id}/3]", "each message carries its case and event number, so a gateway can drop a repeat");
    }

    [Fact]
    public async Task InvestigateStep_SitsAfterValidate_AndNeedsARootCause()
    {
        var c = await HeardAsync("The lever will not stay down.");
        c = await _desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = "The lever springs back up." });
        c = await _desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Agent });
        c.Step.Should().Be(InvestigateStep.StepId);
        (await _desk.GetGuidanceAsync(c.Id)).Practices.Should().Contain("PR-03");

        var vague = () => _desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Agent, StepId = InvestigateStep.StepId, Input = new Findings("broke", false) }).AsTask();
        (await vague.Should().ThrowAsync<ComplaintValidationException>()).Which.Field.Should().Be("Input.RootCause");
        var skipping = () => _desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Replacement, Details = "A new one" }).AsTask();
        await skipping.Should().ThrowAsync<ActionNotPermittedException>("the investigation comes first");

        c = await _desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Agent, StepId = InvestigateStep.StepId, Input = new Findings("A spring from one supplier's batch was too weak.", SupplierAtFault: true) });

        c.Step.Should().Be(StepIds.SeekResolution);
        c.StepRecords.Should().Contain(r => r.StepId == InvestigateStep.StepId && r.Data["supplierAtFault"] == "yes");
    }

    [Fact]
    public async Task WholeStory_SafetyCase_FixedByTheSpecialist_TellsTheCustomerEachStage()
    {
        var c = await HeardAsync("There was a burning smell and a flash.");
        c = await _desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Specialist, Text = "It flashed and smelt of burning." });
        c = await _desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Specialist });
        c = await _desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Specialist, StepId = InvestigateStep.StepId, Input = new Findings("Faulty heating element in batch 7.", true) });
        c = await _desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Specialist, Kind = RemedyKind.Refund, Details = "Money back" });
        c = await _desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Specialist, Remedies = [new Remedy(RemedyKind.Refund, "Full refund", new Money(39m, "GBP"))], Explanation = "Refund and a courier collects it safely." });
        c = await _desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Specialist, ProposalNumber = 1 });
        c = await _desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = Specialist, Description = "Refund paid and collection booked" });

        c.Step.Should().Be(StepIds.FollowUp);
        _channel.Sent.Where(m => m.Recipient == "cust-88").Select(m => m.Subject).Should().Equal("We have your complaint", "An update on your complaint", "Done");
    }

    public void Dispose() => _provider.Dispose();

    private async Task<ComplaintCase> HeardAsync(string statement)
    {
        var c = await _desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-88", Summary = "Toaster stopped working", Channel = Channel.Phone, Actor = Agent });
        c = await _desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent, Message = "Sorry it let you down." });
        return await _desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Agent, Text = statement });
    }
}
