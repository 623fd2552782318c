// The C# blocks of docs/extending.md, compiled. DocsCodeBlockTests checks that every line of every block appears
// here, in order; change the two together.
using System.Globalization;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
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

internal sealed class SocialMediaPolicy : IEscalationPolicy
{
    public string Name => "social-media";

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Previous is null && context.Case.Channel == Channel.SocialMedia
            ? new EscalationRequest("specialist-team", "social-care", "social-media", "Raised in public on social media.",
                "Our social care team will look after this with you directly.")
            : null);
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
