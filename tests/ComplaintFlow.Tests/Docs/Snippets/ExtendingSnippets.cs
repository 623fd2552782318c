// The C# blocks of docs/extending.md, compiled. DocsCodeBlockTests checks that every line of every block appears
// here, in order; change the two together.
using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets.Extending;

internal sealed record Findings(string RootCause, bool SupplierAtFault);

internal sealed class InvestigateStep() : ComplaintStep<Findings>(
    "investigate",
    "complete-investigation",
    new StepGuidance("Investigate", "Find the root cause before offering a remedy.", ["Read the order and delivery history."], ["PR-03"]))
{
    protected override StepCheck Check(ComplaintCase complaint, Actor actor, Findings input) =>
        string.IsNullOrWhiteSpace(input.RootCause) ? StepCheck.Invalid(nameof(Findings.RootCause), "must say what caused the problem.") : StepCheck.Pass;

    protected override StepRecordContent Record(Findings input) =>
        new($"Root cause: {input.RootCause}", new Dictionary<string, string> { ["rootCause"] = input.RootCause });
}

internal static class Steps
{
    public static async Task UseAsync(IServiceCollection services, IComplaintDesk desk, ComplaintId caseId, Actor agent)
    {
        services.AddComplaintFlow()
            .ConfigureProcess(process => process.Named("with-investigation").InsertAfter(StepIds.Validate, new InvestigateStep()));

        await desk.ExecuteAsync(new CompleteStep { CaseId = caseId, Actor = agent, StepId = "investigate", Input = new Findings("Van broke down", false) });
    }
}

internal sealed record LegalOpinion(string Reference, string? Conditions = null);

internal sealed class LegalReviewStep() : ComplaintStep<LegalOpinion>(
    "legal-review",
    "approve-legal-review",
    new StepGuidance("Legal review", "A lawyer checks a large agreed remedy before it is carried out.", ["Check the remedy against the contract's liability terms."], ["PR-10", "PR-17"]))
{
    public override StepFacts Facts { get; } = StepFacts.None
        .AppliesOnlyWhen("the agreed remedy is over GBP 1,000", c => c.AgreedOrOffered?.TotalIn("GBP") > 1_000m)
        .PerformedByRoles(["legal"])
        .SendsBackTo(StepIds.SeekResolution, "decline-legal-review", "legal declines the agreed remedy")
        .StartsClock("investigation")     // on entering the step
        .StopsClock("investigation");     // on leaving it, forward or back

    protected override StepCheck Check(ComplaintCase complaint, Actor actor, LegalOpinion input) =>
        string.IsNullOrWhiteSpace(input.Reference) ? StepCheck.Invalid(nameof(LegalOpinion.Reference), "must name the legal file.") : StepCheck.Pass;

    protected override StepRecordContent Record(LegalOpinion input) =>
        new("Legal approved the remedy", new Dictionary<string, string> { ["reference"] = input.Reference });
}

internal static class LegalReview
{
    public static async Task UseAsync(IServiceCollection services, IComplaintDesk desk, ComplaintId caseId)
    {
        services.AddComplaintFlow(options => options.Clocks.Clocks.Add(new ClockDefinition
            {
                Name = "investigation",
                Description = "Legal reviews a large remedy within one business day.",
                StartsOn = ClockTriggers.None,    // only the step starts it
                StopsOn = ClockTriggers.None,
                Deadline = ClockDeadline.BusinessTime(TimeSpan.FromHours(8)),
            }))
            .ConfigureProcess(process => process.Named("with-legal-review").InsertBefore(StepIds.Fulfil, new LegalReviewStep()));

        var lawyer = new Actor("l-001", "Jo Counsel", null) { Roles = ["legal"] };   // outside the tiers

        // Approve: the case moves on to fulfil.
        await desk.ExecuteAsync(new CompleteStep { CaseId = caseId, Actor = lawyer, StepId = "legal-review", Input = new LegalOpinion("LF-7") });

        // Or decline: the case goes back to seek-resolution, and the agreement no longer stands.
        await desk.ExecuteAsync(new CompleteStep { CaseId = caseId, Actor = lawyer, StepId = "legal-review", SendBack = "decline-legal-review", Reason = "The contract caps liability at GBP 1,200." });
    }
}

internal static class RolesAndTiers
{
    public static (Actor Reviewer, Actor Retention) Configure(IServiceCollection services)
    {
        services.AddComplaintFlow(options =>
        {
            var qualityReview = new AuthorityRole { Name = "quality-review" };
            qualityReview.Actions.Add(ComplaintActions.WaiveFollowUp);   // without being a supervisor (PR-14)
            options.Roles.Add(qualityReview);
        });

        var reviewer = new Actor("q-12", "Priya Shah", "agent") { Roles = ["quality-review"] };
        var retention = new Actor("r-3", "Sam Lee", "agent") { Team = "retention" };
        return (reviewer, retention);
    }
}

internal sealed class SocialMediaPolicy : IEscalationPolicy
{
    public string Name => "social-media";

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Previous is null && context.Case.Channel == Channel.SocialMedia
            ? new EscalationRequest("specialist-team", "social-care", "social-media", "Raised in public on social media.",
                "Our social care team will look after this with you directly.")
            : null);
}

internal sealed class SlowCasePolicy(string name, TimeSpan businessTime, string tier) : IEscalationPolicy
{
    public string Name => name;

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ProposalRejected)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Calendar.Elapsed(context.Case.ReceivedAt, context.Now) > businessTime
            ? new EscalationRequest(tier, null, name, "Rejected again after the expected time to resolve.",
                context.Culture.TwoLetterISOLanguageName == "fr"
                    ? "Un responsable suit désormais votre dossier."
                    : "A senior colleague is now looking after your case.")
            : null);
}

internal interface IVipCustomers
{
    bool IsVip(string customerRef);
}

/// <summary>The app's own policy the factory registration builds, with a service of the app.</summary>
internal sealed class VipPolicy(IVipCustomers vips) : IEscalationPolicy
{
    public string Name => "vip";

    public IReadOnlyCollection<Type> ReactsTo { get; } = [typeof(ComplaintOpened)];

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(vips.IsVip(context.Case.CustomerRef)
            ? new EscalationRequest("manager", null, "vip", "A VIP customer complained.", "A manager is looking after your case personally.")
            : null);
}

internal static class EscalationRegistrations
{
    public static void Register(IServiceCollection services)
    {
        services.AddComplaintFlow(options => options.Escalation.TieBreakOrder.Add("manager-requested"))
            .AddEscalationPolicy(new SlowCasePolicy("slow-case-supervisor", TimeSpan.FromHours(16), "supervisor"))
            .AddEscalationPolicy(new SlowCasePolicy("slow-case-manager", TimeSpan.FromHours(40), "manager"))
            .AddEscalationPolicy(sp => new VipPolicy(sp.GetRequiredService<IVipCustomers>()));
    }
}

internal sealed class FrenchExplanations : ICustomerExplanations
{
    private static readonly Dictionary<string, string> French = new()
    {
        [CustomerExplanationKeys.ManagerRequested] = "Vous avez demandé un responsable : un responsable suit maintenant votre dossier.",
        [CustomerExplanationKeys.SeriousCase] = "Une équipe spécialisée prend en charge votre réclamation, avec tout ce que vous nous avez dit.",
    };

    public string GetText(string key, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" && French.TryGetValue(key, out var text) ? text : ICustomerExplanations.BuiltIn.GetText(key, culture);
}

internal static class ExplanationRegistrations
{
    public static void Register(IServiceCollection services)
    {
        services.AddComplaintFlow(options => options.DefaultCustomerCulture = CultureInfo.GetCultureInfo("en-GB"))
            .UseCustomerExplanations<FrenchExplanations>();
    }
}

internal sealed class OwnCasesOnly : IComplaintAuthorizationPolicy
{
    public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Case?.Owner is { } owner && owner.Id != context.Actor.Id && context.Actor.Tier == "agent"
            ? AuthorizationDecision.Deny($"case owned by {owner.DisplayName}")
            : AuthorizationDecision.Allow);
}

internal interface IStock
{
    Task<bool> HasAsync(string item, CancellationToken cancellationToken);
}

internal sealed class StockCheck(IStock stock) : IRemedyFeasibilityCheck
{
    public async ValueTask<FeasibilityResult> CheckAsync(ComplaintCase complaint, IReadOnlyList<Remedy> remedies, CancellationToken cancellationToken)
    {
        foreach (var remedy in remedies.Where(r => r.Kind == RemedyKind.Replacement))
        {
            if (!await stock.HasAsync(remedy.Description, cancellationToken))
            {
                return FeasibilityResult.NotFeasible($"'{remedy.Description}' is out of stock.");
            }
        }

        return FeasibilityResult.Feasible;
    }
}

internal sealed class WelshPlaybook : IComplaintPlaybook
{
    public StepGuidance GetGuidance(ComplaintProcess process, string stepId, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "cy" && stepId == StepIds.Acknowledge
            ? new StepGuidance("Cydnabod", "Diolch i'r cwsmer, ymddiheuro ac enwi perchennog.", ["Diolch", "Ymddiheuro", "Enwi perchennog"], ["PR-01", "PR-04"])
            : process.GetGuidance(stepId);
}

internal static class Registrations
{
    public static void Register(IServiceCollection services)
    {
        services.AddComplaintFlow().AddEscalationPolicy<SocialMediaPolicy>();
        services.AddComplaintFlow().AddAuthorizationPolicy<OwnCasesOnly>();
        services.AddComplaintFlow().UseFeasibilityCheck<StockCheck>();
        services.AddComplaintFlow().UsePlaybook<WelshPlaybook>();
    }
}
