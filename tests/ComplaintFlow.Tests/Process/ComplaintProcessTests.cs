using ComplaintFlow.Process;
using ComplaintFlow.Steps;

namespace ComplaintFlow.Tests.Process;

public sealed class ComplaintProcessTests
{
    [Fact]
    public void Default_HasTheSevenStepsInOrder()
    {
        ComplaintProcess.Default.StepIds.Should().Equal(
            StepIds.Acknowledge, StepIds.Listen, StepIds.Validate, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp);
        ComplaintProcess.Default.Version.Should().StartWith("default/");
    }

    [Fact]
    public void Version_IsStableForTheSameStepsAndChangesWithThem()
    {
        var again = ComplaintProcess.CreateBuilder().Build();
        var changed = ComplaintProcess.CreateBuilder().InsertAfter(StepIds.Validate, new InvestigateStep()).Build();

        again.Version.Should().Be(ComplaintProcess.Default.Version);
        changed.Version.Should().NotBe(ComplaintProcess.Default.Version);
    }

    [Fact]
    public void InsertAfterAndBefore_PlaceCustomStepsWhereAsked()
    {
        var process = ComplaintProcess.CreateBuilder()
            .Named("courier")
            .InsertAfter(StepIds.Validate, new InvestigateStep())
            .InsertBefore(StepIds.Fulfil, new ApproveStep())
            .Build();

        process.StepIds.Should().Equal(
            StepIds.Acknowledge, StepIds.Listen, StepIds.Validate, "investigate", StepIds.SeekResolution, StepIds.GainAgreement, "approve", StepIds.Fulfil, StepIds.FollowUp);
        process.FindCustomStep("investigate").Should().BeOfType<InvestigateStep>();
        process.GetGuidance("approve").Title.Should().Be("Manager approval");
        process.Version.Should().StartWith("courier/");
    }

    [Fact]
    public void Remove_ValidateAndListen_IsAllowed()
    {
        var process = ComplaintProcess.CreateBuilder().Remove(StepIds.Validate).Remove(StepIds.Listen).Build();

        process.StepIds.Should().Equal(StepIds.Acknowledge, StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp);
    }

    [Fact]
    public void Replace_ValidateWithACustomStep_PutsItInValidatesPlace()
    {
        var process = ComplaintProcess.CreateBuilder().Replace(StepIds.Validate, new InvestigateStep()).Build();

        process.StepIds.Should().Equal(StepIds.Acknowledge, StepIds.Listen, "investigate", StepIds.SeekResolution, StepIds.GainAgreement, StepIds.Fulfil, StepIds.FollowUp);
    }

    [Fact]
    public void Replace_ACustomStepWithAnother_Works()
    {
        var process = ComplaintProcess.CreateBuilder().InsertAfter(StepIds.Validate, new InvestigateStep()).Replace("investigate", new ApproveStep()).Build();

        process.StepIds.Should().Contain("approve").And.NotContain("investigate");
    }

    public static TheoryData<string, Func<ComplaintProcessBuilder, ComplaintProcessBuilder>, string> BrokenProcesses => new()
    {
        { "acknowledge removed", b => b.Remove(StepIds.Acknowledge), "*'acknowledge'*removed or replaced*" },
        { "acknowledge replaced", b => b.Replace(StepIds.Acknowledge, new InvestigateStep()), "*'acknowledge'*removed or replaced*" },
        { "step before acknowledge", b => b.InsertBefore(StepIds.Acknowledge, new InvestigateStep()), "*Acknowledge must be the first step*" },
        { "step after follow-up", b => b.InsertAfter(StepIds.FollowUp, new InvestigateStep()), "*Follow-up must be the last step*" },
        { "follow-up removed", b => b.Remove(StepIds.FollowUp), "*'follow-up'*removed*" },
        { "agreement removed", b => b.Remove(StepIds.GainAgreement), "*'gain-agreement'*removed*" },
        { "fulfil removed", b => b.Remove(StepIds.Fulfil), "*'fulfil'*removed*" },
        { "listen removed, validate kept", b => b.Remove(StepIds.Listen), "*Validate must directly follow listen*" },
        { "step between listen and validate", b => b.InsertAfter(StepIds.Listen, new InvestigateStep()), "*Validate must directly follow listen*" },
        { "duplicate custom step", b => b.InsertAfter(StepIds.Validate, new InvestigateStep()).InsertAfter(StepIds.GainAgreement, new InvestigateStep()), "*'investigate' appears more than once*" },
        { "reserved id", b => b.InsertAfter(StepIds.Validate, new BadIdStep("closed", "finish-it")), "*reserved*" },
        { "badly formed id", b => b.InsertAfter(StepIds.Validate, new BadIdStep("Look Into", "look")), "*lower-case*" },
        { "built-in action name", b => b.InsertAfter(StepIds.Validate, new BadIdStep("look", ComplaintActions.Accept)), "*built-in action name*" },
        // The desk's own actions are not routes, but the authority rules know them by name: "open" is open to every actor.
        { "the opening's action name", b => b.InsertAfter(StepIds.Validate, new BadIdStep("look", "open")), "*built-in action name*" },
        { "the due clocks' action name", b => b.InsertAfter(StepIds.Validate, new BadIdStep("look", "record-due-clocks")), "*built-in action name*" },
        { "send-back with the listing's action name", b => Legal(b, f => f.SendsBackTo(StepIds.SeekResolution, "list-actions", "List")), "*not a built-in action name*" },
        { "send-back to gain-agreement", b => Legal(b, f => f.SendsBackTo(StepIds.GainAgreement, "back-to-agreement", "Back")), "*leaves nothing for the customer to decide*'seek-resolution'*" },
        { "send-back between seek-resolution and gain-agreement", b => Legal(b.InsertAfter(StepIds.SeekResolution, new InvestigateStep()), f => f.SendsBackTo("investigate", "investigate-again", "Investigate again")), "*'investigate', between 'seek-resolution' and 'gain-agreement'*nothing for the customer to decide*" },
        { "send-back forward", b => Legal(b, f => f.SendsBackTo(StepIds.FollowUp, "skip-ahead", "Skip")), "*does not come before it*" },
        { "send-back to an unknown step", b => Legal(b, f => f.SendsBackTo("triage", "to-triage", "Triage")), "*'triage', which is not a step of the process*" },
        { "send-back before acknowledgement", b => Legal(b, f => f.SendsBackTo(StepIds.Acknowledge, "start-again", "Again")), "*before its acknowledgement (PR-01)*" },
        { "send-back with a built-in action", b => Legal(b, f => f.SendsBackTo(StepIds.SeekResolution, ComplaintActions.Reject, "Reject")), "*not a built-in action name*" },
        { "built-in step made conditional", b => b.ConfigureStep(StepIds.Listen, f => f.AppliesOnlyWhen("never", _ => false)), "*'listen' cannot be made conditional*" },
        { "performers without role or tier", b => Legal(b, f => f with { PerformedBy = new ComplaintFlow.Steps.StepPerformers([], null) }), "*names no role and no tier*" },
        // Each of these was a NullReferenceException or a BCL error naming 'input' from inside the builder.
        { "send-back without an action", b => Legal(b, f => f.SendsBackTo(StepIds.SeekResolution, null!, "Back")), "*send-back that is null or lacks its action*" },
        { "a null send-back", b => Legal(b, f => f with { SendBacks = f.SendBacks.Add(null!) }), "*send-back that is null*" },
        { "a null clock rule", b => Legal(b, f => f with { Clocks = [null!] }), "*clock rule that is null*" },
        { "default clock rules", b => Legal(b, f => f with { Clocks = default }), "*clock rule that is null*" },
        { "a role with no name", b => Legal(b, f => f.PerformedByRoles(["legal", " "])), "*performed by a role with no name*" },
        { "a clock rule with an undefined action", b => Legal(b, f => f with { Clocks = [new ComplaintFlow.Steps.StepClockRule(ComplaintFlow.Steps.StepMoment.Entering, (ComplaintFlow.Steps.StepClockAction)9, "investigation")] }), "*'investigation' with an action or a moment that is not defined*" },
    };

    private static ComplaintProcessBuilder Legal(ComplaintProcessBuilder builder, Func<ComplaintFlow.Steps.StepFacts, ComplaintFlow.Steps.StepFacts> facts) =>
        builder.InsertBefore(StepIds.Fulfil, new LegalReviewStep()).ConfigureStep(LegalReviewStep.Id, facts);

    [Theory]
    [MemberData(nameof(BrokenProcesses))]
    public void Build_BrokenProcess_IsRefusedWithAMessageThatSaysWhy(string broken, Func<ComplaintProcessBuilder, ComplaintProcessBuilder> change, string message)
    {
        var act = () => change(ComplaintProcess.CreateBuilder()).Build();

        act.Should().Throw<ComplaintProcessDefinitionException>(broken).WithMessage(message);
    }

    [Fact]
    public void Builder_UnknownStep_IsRefusedListingTheSteps()
    {
        var act = () => ComplaintProcess.CreateBuilder().InsertAfter("triage", new InvestigateStep());

        act.Should().Throw<ComplaintProcessDefinitionException>().WithMessage("*no step 'triage'*acknowledge, listen*");
    }

    private sealed class BadIdStep(string id, string action) : ComplaintStep<Findings>(id, action, new StepGuidance("x", "x", [], []))
    {
        protected override StepRecordContent Record(Findings input) => new("x", new Dictionary<string, string>());
    }
}
