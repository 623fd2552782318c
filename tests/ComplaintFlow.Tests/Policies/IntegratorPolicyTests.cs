using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Policies;

/// <summary>
/// What an integrator writes, using only the public API: two house policies registered through DI next to the
/// built-in ones.
/// </summary>
public sealed class IntegratorPolicyTests
{
    private static readonly Actor Agent = new("a-9", "Jo", "agent");

    [Fact]
    public async Task VipCustomer_FirstRejection_GoesToAManager()
    {
        var desk = BuildDesk(out _);
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "vip-001", Summary = "Wrong size delivered", Channel = Channel.Email, Actor = Agent });
        c = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent });
        c = await desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = Agent, Text = "Ordered a medium, got a small." });
        c = await desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = "Wrong size." });
        c = await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = Agent });
        c = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Replacement, Details = "The right size" });
        c = await desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Replacement, "Medium, standard post")], Explanation = "We send the right size." });

        c = await desk.ExecuteAsync(new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, CounterSuggestion = "Next-day delivery" });

        c.Tier.Should().Be("manager");
        ((ComplaintEscalated)(await desk.GetHistoryAsync(c.Id))[^1].Data).Policy.Should().Be("vip-first-rejection");
    }

    [Fact]
    public async Task SocialMediaComplaint_GoesToTheSpecialistTeamAtOnce()
    {
        var desk = BuildDesk(out _);

        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-77", Summary = "Public post about a rude driver", Channel = Channel.SocialMedia, Actor = Agent });

        c.Tier.Should().Be("specialist-team");
        c.Team.Should().Be("social-care");
    }

    [Fact]
    public async Task OrdinaryCustomer_FirstRejection_StaysWithTheAgent()
    {
        var desk = BuildDesk(out _);
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late", Channel = Channel.Email, Actor = Agent });

        (await desk.GetAsync(c.Id)).Tier.Should().Be("agent");
    }

    private static IComplaintDesk BuildDesk(out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddComplaintFlow()
            .AddEscalationPolicy<VipFirstRejectionPolicy>()
            .AddEscalationPolicy<SocialMediaPolicy>();
        return services.BuildServiceProvider().GetRequiredService<IComplaintDesk>();
    }

    private sealed class VipFirstRejectionPolicy : IEscalationPolicy
    {
        public string Name => "vip-first-rejection";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Case.CustomerRef.StartsWith("vip-", StringComparison.Ordinal) && context.Has<ProposalRejected>()
                ? new EscalationRequest("manager", null, "vip-rejection", "A VIP customer rejected our proposal.", "As one of our most valued customers, your case now has a manager's personal attention.")
                : null);
    }

    private sealed class SocialMediaPolicy : IEscalationPolicy
    {
        public string Name => "social-media";

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Previous is null && context.Case.Channel == Channel.SocialMedia
                ? new EscalationRequest("specialist-team", "social-care", "social-media", "Raised in public on social media.", "Our social care team will look after this with you directly.")
                : null);
    }
}
