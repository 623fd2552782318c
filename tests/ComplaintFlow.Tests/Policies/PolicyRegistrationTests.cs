using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Policies;

/// <summary>
/// Escalation policies plug in as types, instances or factories; the context carries the time and the calendar; and
/// what the built-in policies tell the customer comes from a replaceable, culture-aware source (PR-11, PR-19).
/// </summary>
public sealed class PolicyRegistrationTests
{
    [Fact]
    public async Task TwoConfiguredInstancesOfOneClass_EachEscalatesItsOwnChannel()
    {
        using var t = new TestDesk(b => b
            .AddEscalationPolicy(new ChannelPolicy("social-media-to-specialists", Channel.SocialMedia, "specialist-team"))
            .AddEscalationPolicy(new ChannelPolicy("letters-to-supervisors", Channel.Letter, "supervisor")));

        var social = await Open(t, Channel.SocialMedia);
        var letter = await Open(t, Channel.Letter);
        var email = await Open(t, Channel.Email);

        (social.Tier, social.EscalationCauses.Single()).Should().Be(("specialist-team", "channel-social-media-to-specialists"));
        (letter.Tier, letter.EscalationCauses.Single()).Should().Be(("supervisor", "channel-letters-to-supervisors"));
        email.Tier.Should().Be("agent");
        ((ComplaintEscalated)(await t.Desk.GetHistoryAsync(letter.Id)).Single(e => e.Data is ComplaintEscalated).Data).Policy.Should().Be("letters-to-supervisors");
    }

    [Fact]
    public void TwoInstancesWithOneName_AreRefusedWhenTheDeskIsBuilt_NamingTheName()
    {
        var act = () => new TestDesk(b => b
            .AddEscalationPolicy(new ChannelPolicy("by-channel", Channel.SocialMedia, "specialist-team"))
            .AddEscalationPolicy(new ChannelPolicy("by-channel", Channel.Letter, "supervisor")));

        act.Should().Throw<InvalidOperationException>().WithMessage("*2 escalation policies are named 'by-channel'*");
    }

    [Fact]
    public void TieBreakOrder_NamingNoRegisteredPolicy_IsRefusedWhenTheDeskIsBuilt()
    {
        var act = () => new TestDesk(options: o => o.Escalation.TieBreakOrder.Add("manager-requestd"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*TieBreakOrder names 'manager-requestd', which is not a registered escalation policy*manager-requested*");
    }

    [Fact]
    public async Task FactoryRegistration_GetsServices_AndTheContextCarriesTimeAndCalendar()
    {
        using var t = new TestDesk(b => b.AddEscalationPolicy(sp => new AfterHoursPolicy(sp.GetRequiredService<TimeProvider>())));

        // 09:00 UTC on a Monday: the default calendar is open 09:00-17:00.
        var inHours = await t.OpenAsync(customer: "c-1");
        t.Time.Advance(TimeSpan.FromHours(9));
        var afterHours = await t.OpenAsync(customer: "c-2");

        inHours.Tier.Should().Be("agent");
        afterHours.Tier.Should().Be("supervisor");
        afterHours.EscalationCauses.Should().Equal("after-hours");
    }

    [Fact]
    public async Task CustomerExplanation_InTheCasesLanguage_FallsBackToTheBuiltInText()
    {
        using var t = new TestDesk(b => b.UseCustomerExplanations<FrenchExplanations>());

        var french = await EscalateOnRequest(t, "fr");
        var english = await EscalateOnRequest(t, null);

        french.CustomerExplanation.Should().Be("Vous avez demandé un responsable : un responsable suit maintenant votre dossier.");
        english.CustomerExplanation.Should().Be(ICustomerExplanations.BuiltIn.GetText(CustomerExplanationKeys.ManagerRequested, CultureInfo.GetCultureInfo("en")));
        english.CustomerExplanation.Should().StartWith("You asked for a manager");
    }

    [Fact]
    public async Task CustomerExplanation_DefaultCultureOption_AppliesToCasesWithoutALanguage()
    {
        using var t = new TestDesk(b => b.UseCustomerExplanations<FrenchExplanations>(), o => o.DefaultCustomerCulture = CultureInfo.GetCultureInfo("fr-CA"));

        var escalated = await EscalateOnRequest(t, null);

        escalated.CustomerExplanation.Should().StartWith("Vous avez demandé un responsable");
    }

    private static ValueTask<ComplaintCase> Open(TestDesk t, Channel channel) =>
        t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-" + channel, Summary = "Unhappy", Channel = channel, Actor = Actors.Agent });

    private static async Task<ComplaintEscalated> EscalateOnRequest(TestDesk t, string? language)
    {
        var c = await t.Desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-" + language, Summary = "Unhappy", Channel = Channel.Email, Actor = Actors.Agent, CustomerLanguage = language });
        c = await t.Desk.DriveToAsync(c, StepIds.Listen);
        c = await t.Desk.ExecuteAsync(new RecordManagerRequest { CaseId = c.Id, Actor = Actors.Agent, CustomerWords = "Un responsable, s'il vous plaît." });
        return (await t.Desk.GetHistoryAsync(c.Id)).Select(e => e.Data).OfType<ComplaintEscalated>().Single();
    }

    /// <summary>One class, configured twice: complaints arriving by one channel go to one tier.</summary>
    private sealed class ChannelPolicy(string name, Channel channel, string tier) : IEscalationPolicy
    {
        public string Name => name;

        public IReadOnlyCollection<Type>? ReactsTo => [typeof(ComplaintOpened)];

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Case.Channel == channel ? new EscalationRequest(tier, null, "channel-" + name, $"Arrived by {channel}", "A colleague who handles these will take over.") : null);
    }

    /// <summary>Complaints opened outside business hours go to a supervisor; built by a factory with a service.</summary>
    private sealed class AfterHoursPolicy(TimeProvider time) : IEscalationPolicy
    {
        public string Name => "after-hours";

        public IReadOnlyCollection<Type>? ReactsTo => [typeof(ComplaintOpened)];

        public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
        {
            context.Now.Should().Be(time.GetUtcNow(), "the context's time is the desk's time");
            return ValueTask.FromResult(context.Calendar.IsOpen(context.Now) ? null : new EscalationRequest("supervisor", null, "after-hours", "Opened out of hours", "A supervisor will pick this up first thing."));
        }
    }

    /// <summary>French for the manager request, the built-in English for everything else.</summary>
    private sealed class FrenchExplanations : ICustomerExplanations
    {
        public string GetText(string key, CultureInfo culture) =>
            culture.TwoLetterISOLanguageName == "fr" && key == CustomerExplanationKeys.ManagerRequested
                ? "Vous avez demandé un responsable : un responsable suit maintenant votre dossier."
                : ICustomerExplanations.BuiltIn.GetText(key, culture);
    }
}
